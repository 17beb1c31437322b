-- grain: one row per survey year and country of every accepted UN E-Government Survey file (current and superseded revisions)
-- current rows and superseded ones: each accepted revision stands in exactly one of the two tables
select *
from fct_un_egov_survey
union all by name
select *
from superseded_un_egov_survey
