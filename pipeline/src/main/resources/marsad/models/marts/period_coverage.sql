-- grain: one row per template with dated rows, submitter and month: how many of the month's days its data covers
-- A month covered on fewer days than have passed is a sample: its KPI figures describe those days, not the month.
with days as (
    select
        'egov-requests' as template_id,
        submitter,
        strftime(day, '%Y-%m') as period,
        min(date_trunc('month', day))::date as month_start,
        count(distinct day) as days_with_data,
        cast(sum(requests) as bigint) as data_rows
    from egov_request_days
    group by submitter, strftime(day, '%Y-%m')
),

months as (
    select
        d.*,
        cast(day(last_day(d.month_start)) as bigint) as days_in_period,
        -- a day's data arrive after the day: the running month is owed the days before the as-of date
        cast(greatest(0, least(day(last_day(d.month_start)), date_diff('day', d.month_start, b.as_of))) as bigint)
            as days_elapsed
    from days as d, src.build as b
)

select
    template_id,
    submitter,
    period,
    days_with_data,
    days_elapsed,
    days_in_period,
    data_rows,
    days_with_data < days_elapsed as is_sample
from months
order by template_id, submitter, period
