-- grain: one row per e-service request (request_id) of every accepted daily submission (current and superseded revisions)
-- current rows and superseded ones: each accepted revision stands in exactly one of the two tables
select *
from fct_egov_requests
union all by name
select *
from superseded_egov_requests
