-- grain: one row per year and indicator of every accepted submission (current and superseded revisions)
-- current rows and superseded ones: each accepted revision stands in exactly one of the two tables
select *
from fct_digital_economy_annual
union all by name
select *
from superseded_digital_economy_annual
