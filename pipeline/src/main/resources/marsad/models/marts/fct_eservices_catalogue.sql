-- grain: one row per e-service (code_service) of a current catalogue snapshot
select *
from stg_eservices_catalogue
