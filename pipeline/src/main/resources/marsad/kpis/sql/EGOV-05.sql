-- EGOV-05 user satisfaction with e-services (mean score 1-5)
-- grain: one row per month of submitted_at, national ('00') and per region; requests that carry a score only
select period, period_end, region_code, value, submission_ids
from requests_by_month('fct_egov_requests', avg(satisfaction), counted := satisfaction is not null)
