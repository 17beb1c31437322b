-- CON-04 fibre (FTTH) subscriptions
-- grain: one national row per quarter: indicateur 'parc_ftth' for operateur TOUS
select
    trimestre as period,
    last_day(make_date(left(trimestre, 4)::integer, right(trimestre, 1)::integer * 3, 1))::date as period_end,
    '00' as region_code,
    sum(valeur) / 1 as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_telecom_quarterly
where indicateur = 'parc_ftth' and operateur = 'TOUS'
group by trimestre
