-- EGOV-05 in Spark SQL (kpis/sql/EGOV-05.sql): user satisfaction with e-services (mean score 1-5)
-- grain: one row per month of submitted_at, national ('00') and per region; requests that carry a score only
with rated_request as (
    select date_format(submitted_at, 'yyyy-MM') as period, region_code, satisfaction
    from egov_requests
    where satisfaction is not null
)

select
    period,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    avg(cast(satisfaction as double)) as value
from rated_request
group by grouping sets ((period), (period, region_code))
