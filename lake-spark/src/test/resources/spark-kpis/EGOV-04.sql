-- EGOV-04 in Spark SQL (kpis/sql/EGOV-04.sql): median processing time of completed requests, in days
-- grain: one row per month of submitted_at, national ('00') and per region; completed requests only
with completed_request as (
    select
        date_format(submitted_at, 'yyyy-MM') as period,
        region_code,
        timestampdiff(microsecond, submitted_at, completed_at) / 86400000000.0d as processing_days
    from egov_requests
    where status = 'completed' and completed_at is not null
)

select
    period,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    median(processing_days) as value
from completed_request
group by grouping sets ((period), (period, region_code))
