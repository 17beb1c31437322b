-- EGOV-05 user satisfaction with e-services (mean score 1-5)
-- grain: one row per month of submitted_at, national ('00') and per region; requests that carry a score only
with rated_request as (
    select strftime(submitted_at, '%Y-%m') as period, region_code, satisfaction, submission_id
    from fct_egov_requests
    where satisfaction is not null
)

select
    period,
    last_day(strptime(period || '-01', '%Y-%m-%d'))::date as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    avg(satisfaction) as value,
    -- the ids of string_agg(distinct …), about twice as quick over a month of requests (run once per vintage)
    array_to_string(list_distinct(list(submission_id)), ',') as submission_ids
from rated_request
group by grouping sets ((period), (period, region_code))
