-- ECO-05 startups with at least one funding event since 2024-01-01 (cumulative count)
-- grain: one row per quarter from the first to the last quarter with an event, national ('00') and per region;
-- each quarter counts the distinct startups funded from 2024-01-01 to the end of that quarter.
select period, period_end, region_code, startups_funded::double as value, submission_ids
from startup_funding_to_date('fct_startup_funding', date '2024-01-01')
