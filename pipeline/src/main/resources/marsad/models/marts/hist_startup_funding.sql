-- grain: one row per funding event (event_id) of every accepted monthly submission (current and superseded revisions)
select *
from lake_hist_startup_funding
