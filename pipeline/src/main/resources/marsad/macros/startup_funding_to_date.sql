-- startup_funding_to_date(fact_table, since): one row per quarter from the first to the last quarter with a funding
-- event (fact_table) on or after since, national ('00') and per region; each quarter counts the distinct startups funded (startups_funded) and
-- sums amount_mad (raised_mad) from since to the end of that quarter.
create or replace macro startup_funding_to_date(fact_table, since) as table
with funding_event as (
    select startup_id, amount_mad, region_code, event_date, submission_id
    from query_table(fact_table)
    where event_date >= since
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
        period_end(year(starts_on) || '-Q' || quarter(starts_on)) as period_end
    from quarter_start
)

select
    quarter.period,
    quarter.period_end,
    case when grouping(funding_event.region_code) = 1 then '00' else funding_event.region_code end as region_code,
    count(distinct funding_event.startup_id) as startups_funded,
    sum(funding_event.amount_mad) as raised_mad,
    string_agg(distinct funding_event.submission_id, ',') as submission_ids
from quarter
join funding_event on funding_event.event_date <= quarter.period_end
group by grouping sets ((quarter.period, quarter.period_end), (quarter.period, quarter.period_end, funding_event.region_code));
