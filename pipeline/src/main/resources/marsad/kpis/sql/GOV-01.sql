-- GOV-01 Digital Morocco 2030 budget executed since 2024 (cumulative), bn MAD
-- grain: one national row per year from 2024: budget_programme_execute of every year from 2024 up to it
with yearly as (
    select annee, sum(valeur) as executed_mad, string_agg(distinct submission_id, ',') as submission_ids
    from fct_digital_economy_annual
    where indicateur = 'budget_programme_execute' and annee >= 2024
    group by annee
)

select
    yearly.annee::varchar as period,
    period_end(yearly.annee::varchar) as period_end,
    '00' as region_code,
    sum(earlier.executed_mad) / 1e9 as value,
    string_agg(earlier.submission_ids, ',') as submission_ids
from yearly
join yearly as earlier on earlier.annee <= yearly.annee
group by yearly.annee
