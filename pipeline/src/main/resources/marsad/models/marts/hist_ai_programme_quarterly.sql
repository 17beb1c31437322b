-- grain: one row per quarter and programme entity of every accepted submission (current and superseded revisions)
-- current rows and superseded ones: each accepted revision stands in exactly one of the two tables
select *
from fct_ai_programme_quarterly
union all by name
select *
from superseded_ai_programme_quarterly
