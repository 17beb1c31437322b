-- EGOV-03 in Spark SQL (kpis/sql/EGOV-03.sql): share of requests submitted online (web or mobile), %
-- grain: one row per month of submitted_at, national ('00') and per region
with request as (
    select date_format(submitted_at, 'yyyy-MM') as period, region_code, channel
    from egov_requests
)

select
    period,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    100.0d * count_if(channel in ('web', 'mobile')) / count(*) as value
from request
group by grouping sets ((period), (period, region_code))
