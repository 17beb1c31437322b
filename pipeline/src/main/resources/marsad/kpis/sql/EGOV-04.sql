-- EGOV-04 median processing time of completed requests, in days
-- grain: one row per month of submitted_at, national ('00') and per region; completed requests only
select period, period_end, region_code, value, submission_ids
from requests_by_month(
    'fct_egov_requests',
    median(epoch(completed_at - submitted_at) / 86400.0),
    counted := status = 'completed' and completed_at is not null)
