-- EGOV-03 share of requests submitted online (web or mobile), %
-- grain: one row per month of submitted_at, national ('00') and per region
with request as (
    select strftime(submitted_at, '%Y-%m') as period, region_code, channel, submission_id
    from fct_egov_requests
)

select
    period,
    last_day(strptime(period || '-01', '%Y-%m-%d'))::date as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    100.0 * count(*) filter (where channel in ('web', 'mobile')) / count(*) as value,
    -- the ids of string_agg(distinct …), about twice as quick over a month of requests (run once per vintage)
    array_to_string(list_distinct(list(submission_id)), ',') as submission_ids
from request
group by grouping sets ((period), (period, region_code))
