-- grain: one row per e-service request (request_id) of a current daily submission
select *
from stg_egov_requests
