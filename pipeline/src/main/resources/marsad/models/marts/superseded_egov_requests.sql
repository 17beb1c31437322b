-- grain: one row per e-service request (request_id) of every superseded or withdrawn daily submission
-- The accepted revisions that are not current: with fct_egov_requests, hist_egov_requests holds every accepted revision once.
select *
from lake_superseded_egov_requests
