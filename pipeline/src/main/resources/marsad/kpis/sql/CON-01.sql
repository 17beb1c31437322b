-- CON-01 households eligible for fibre (FTTH), millions
-- grain: one national row per quarter: indicateur 'foyers_eligibles_ftth' for operateur TOUS, in millions
select
    trimestre as period,
    last_day(make_date(left(trimestre, 4)::integer, right(trimestre, 1)::integer * 3, 1))::date as period_end,
    '00' as region_code,
    sum(valeur) / 1e6 as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_telecom_quarterly
where indicateur = 'foyers_eligibles_ftth' and operateur = 'TOUS'
group by trimestre
