-- AI-07 workshops of the MTNRA - Mistral AI joint lab (cumulative)
-- grain: one row per reported quarter, national; each quarter sums ateliers of every quarter up to it
with reported as (
    select
        trimestre,
        last_day(make_date(left(trimestre, 4)::integer, right(trimestre, 1)::integer * 3, 1))::date as period_end,
        region_code,
        ateliers,
        submission_id
    from fct_ai_programme_quarterly
    where code_entite = 'MISTRAL-LAB'
),

quarter as (
    select distinct trimestre as period, period_end from reported
)

select
    quarter.period,
    quarter.period_end,
    '00' as region_code,
    sum(reported.ateliers)::double as value,
    string_agg(distinct reported.submission_id, ',') as submission_ids
from quarter
join reported on reported.period_end <= quarter.period_end
group by quarter.period, quarter.period_end
