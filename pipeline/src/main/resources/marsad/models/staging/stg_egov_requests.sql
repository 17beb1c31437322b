-- grain: one row per e-service request (request_id) of a current daily submission
-- Reads the lake's current partitions of the template; lineage columns come last.
select
    request_id,
    service_code,
    region_code,
    channel,
    submitted_at,
    completed_at,
    status,
    satisfaction,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_egov_requests
