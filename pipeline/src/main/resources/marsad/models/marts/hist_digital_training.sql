-- grain: one row per year, semester, region, operator, programme, field and training type of every accepted submission (current and superseded revisions)
-- current rows and superseded ones: each accepted revision stands in exactly one of the two tables
select *
from fct_digital_training
union all by name
select *
from superseded_digital_training
