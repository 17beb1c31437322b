-- grain: one row per e-service (code_service) of every accepted catalogue snapshot (current and superseded revisions)
-- current rows and superseded ones: each accepted revision stands in exactly one of the two tables
select *
from fct_eservices_catalogue
union all by name
select *
from superseded_eservices_catalogue
