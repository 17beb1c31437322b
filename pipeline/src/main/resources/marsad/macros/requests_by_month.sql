-- requests_by_month(fact_table, measure, counted := true): one row per month of submitted_at of the e-service requests
-- (fact_table), national ('00') and per region, valued by measure (an aggregate over the month's requests that pass
-- counted).
create or replace macro requests_by_month(fact_table, measure, counted := true) as table
with request as (
    select
        * replace (strftime(submitted_at, '%Y-%m') as period),
        coalesce(getvariable('marsad_rows_counted'), false) as rows_counted
    from query_table(fact_table)
    where counted
)

select
    period,
    period_end(period) as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    measure as value,
    -- the rows used: each row's id (as string_agg(distinct …), about twice as quick); while the nightly scoring asks
    -- for counts (variable marsad_rows_counted), "<submission>*<rows>" per submission instead, since a month of
    -- national requests (6.7 million rows) has too many ids to list in memory. Each request counts once per group.
    array_to_string(
        coalesce(list_distinct(list(submission_id) filter (where not rows_counted)), [])
        || coalesce(list_transform(
            map_entries(histogram(split_part(submission_id, '#', 1)) filter (where rows_counted)),
            used -> used.key || '*' || used.value), []),
        ',') as submission_ids
from request
group by grouping sets ((period), (period, region_code));
