-- ECO-06 funds raised by startups since 2024-01-01 (cumulative), bn MAD
-- grain: one row per quarter from the first to the last quarter with an event, national ('00') and per region;
-- each quarter sums amount_mad from 2024-01-01 to the end of that quarter, in billions of MAD.
with funding_event as (
    select amount_mad, region_code, event_date, submission_id
    from fct_startup_funding
    where event_date >= date '2024-01-01'
),

quarter_start as (
    select unnest(range(
        date_trunc('quarter', min(event_date)),
        date_trunc('quarter', max(event_date)) + interval 1 day,
        interval 3 month)) as starts_on
    from funding_event
),

quarter as (
    select
        year(starts_on) || '-Q' || quarter(starts_on) as period,
        last_day(starts_on + interval 2 month)::date as period_end
    from quarter_start
)

select
    quarter.period,
    quarter.period_end,
    case when grouping(funding_event.region_code) = 1 then '00' else funding_event.region_code end as region_code,
    sum(funding_event.amount_mad) / 1e9 as value,
    string_agg(distinct funding_event.submission_id, ',') as submission_ids
from quarter
join funding_event on funding_event.event_date <= quarter.period_end
group by grouping sets ((quarter.period, quarter.period_end), (quarter.period, quarter.period_end, funding_event.region_code))
