-- EGOV-03 share of requests submitted online (web or mobile), %
-- grain: one row per month of submitted_at, national ('00') and per region
select period, period_end, region_code, value, submission_ids
from requests_by_month(
    'fct_egov_requests',
    100.0 * count(*) filter (where channel in ('web', 'mobile')) / count(*))
