-- running_total(fact_table, period_key, amount, counted := true): one row per period key reported in the rows of
-- fact_table that pass counted, national ('00') and per region; each period sums amount over every period up to its
-- end.
create or replace macro running_total(fact_table, period_key, amount, counted := true) as table
with reported as (
    select period_key as period, period_end(period_key) as period_end, region_code, amount as summed, submission_id
    from query_table(fact_table)
    where counted
),

reported_period as (
    select distinct period, period_end from reported
)

select
    reported_period.period,
    reported_period.period_end,
    case when grouping(reported.region_code) = 1 then '00' else reported.region_code end as region_code,
    sum(reported.summed)::double as value,
    string_agg(distinct reported.submission_id, ',') as submission_ids
from reported_period
join reported on reported.period_end <= reported_period.period_end
group by grouping sets (
    (reported_period.period, reported_period.period_end),
    (reported_period.period, reported_period.period_end, reported.region_code));
