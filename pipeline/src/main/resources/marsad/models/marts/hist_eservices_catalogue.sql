-- grain: one row per e-service (code_service) of every accepted catalogue snapshot (current and superseded revisions)
select *
from lake_hist_eservices_catalogue
