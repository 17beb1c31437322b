-- AI-04 in Spark SQL (kpis/sql/AI-04.sql): talents trained by the AI programme (cumulative)
-- grain: one row per reported quarter, national ('00') and per region; each quarter sums every quarter up to it
with reported as (
    select
        trimestre,
        last_day(make_date(cast(left(trimestre, 4) as int), cast(right(trimestre, 1) as int) * 3, 1)) as period_end,
        code_region,
        talents_formes
    from ai_programme_quarterly
),

quarter as (
    select distinct trimestre as period, period_end from reported
)

select
    quarter.period,
    case when grouping(reported.code_region) = 1 then '00' else reported.code_region end as region_code,
    cast(sum(reported.talents_formes) as double) as value
from quarter
join reported on reported.period_end <= quarter.period_end
group by grouping sets ((quarter.period, quarter.period_end), (quarter.period, quarter.period_end, reported.code_region))
