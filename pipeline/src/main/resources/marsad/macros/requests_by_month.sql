-- requests_by_month(fact_table, measure, counted := true): one row per month of submitted_at of the e-service requests
-- (fact_table), national ('00') and per region, valued by measure (an aggregate over the month's requests that pass
-- counted).
create or replace macro requests_by_month(fact_table, measure, counted := true) as table
with request as (
    select * replace (strftime(submitted_at, '%Y-%m') as period)
    from query_table(fact_table)
    where counted
)

select
    period,
    period_end(period) as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    measure as value,
    -- the ids of string_agg(distinct …), about twice as quick over a month of requests (run once per vintage)
    array_to_string(list_distinct(list(submission_id)), ',') as submission_ids
from request
group by grouping sets ((period), (period, region_code));
