-- ECO-06 funds raised by startups since 2024-01-01 (cumulative), bn MAD
-- grain: one row per quarter from the first to the last quarter with an event, national ('00') and per region;
-- each quarter sums amount_mad from 2024-01-01 to the end of that quarter, in billions of MAD.
select period, period_end, region_code, raised_mad / 1e9 as value, submission_ids
from startup_funding_to_date('fct_startup_funding', date '2024-01-01')
