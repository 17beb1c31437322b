-- CON-03 Internet penetration rate, % of population
-- grain: one national row per quarter: indicateur 'taux_penetration_internet' for operateur TOUS (can exceed 100: never capped)
select
    trimestre as period,
    last_day(make_date(left(trimestre, 4)::integer, right(trimestre, 1)::integer * 3, 1))::date as period_end,
    '00' as region_code,
    sum(valeur) / 1 as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_telecom_quarterly
where indicateur = 'taux_penetration_internet' and operateur = 'TOUS'
group by trimestre
