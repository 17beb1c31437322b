-- grain: one row per funding event (event_id) of every accepted monthly submission (current and superseded revisions)
-- current rows and superseded ones: each accepted revision stands in exactly one of the two tables
select *
from fct_startup_funding
union all by name
select *
from superseded_startup_funding
