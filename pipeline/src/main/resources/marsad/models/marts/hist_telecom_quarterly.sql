-- grain: one row per quarter, indicator and operator of every accepted ANRT submission (current and superseded revisions)
-- current rows and superseded ones: each accepted revision stands in exactly one of the two tables
select *
from fct_telecom_quarterly
union all by name
select *
from superseded_telecom_quarterly
