-- AI-06 startups supported by the AI programme (cumulative)
-- grain: one row per reported quarter, national ('00') and per region; each quarter sums startups_accompagnees of every quarter up to it
with reported as (
    select
        trimestre,
        last_day(make_date(left(trimestre, 4)::integer, right(trimestre, 1)::integer * 3, 1))::date as period_end,
        region_code,
        startups_accompagnees,
        submission_id
    from fct_ai_programme_quarterly
),

quarter as (
    select distinct trimestre as period, period_end from reported
)

select
    quarter.period,
    quarter.period_end,
    case when grouping(reported.region_code) = 1 then '00' else reported.region_code end as region_code,
    sum(reported.startups_accompagnees)::double as value,
    string_agg(distinct reported.submission_id, ',') as submission_ids
from quarter
join reported on reported.period_end <= quarter.period_end
group by grouping sets ((quarter.period, quarter.period_end), (quarter.period, quarter.period_end, reported.region_code))
