-- grain: one row per e-service request (request_id) of every accepted daily submission (current and superseded revisions)
select *
from lake_hist_egov_requests
