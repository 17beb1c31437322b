-- GOV-03 reports received on time, %
-- grain: one row per month of due date, national ('00') only; reports with no due date, and periods not due
-- yet, count for nothing; a report received late or not at all counts as due and not on time
select
    strftime(due_date, '%Y-%m') as period,
    period_end(strftime(due_date, '%Y-%m')) as period_end,
    '00' as region_code,
    100.0 * count(*) filter (where status = 'on_time') / count(*) as value,
    coalesce(string_agg(distinct submission_id, ','), '') as submission_ids
from fct_submission_calendar
where due_date is not null and status in ('on_time', 'late', 'missing')
group by strftime(due_date, '%Y-%m')
