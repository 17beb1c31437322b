-- EGOV-04 median processing time of completed requests, in days
-- grain: one row per month of submitted_at, national ('00') and per region; completed requests only
with completed_request as (
    select
        strftime(submitted_at, '%Y-%m') as period,
        region_code,
        epoch(completed_at - submitted_at) / 86400.0 as processing_days,
        submission_id
    from fct_egov_requests
    where status = 'completed' and completed_at is not null
)

select
    period,
    last_day(strptime(period || '-01', '%Y-%m-%d'))::date as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    median(processing_days) as value,
    -- the ids of string_agg(distinct …), about twice as quick over a month of requests (run once per vintage)
    array_to_string(list_distinct(list(submission_id)), ',') as submission_ids
from completed_request
group by grouping sets ((period), (period, region_code))
