-- grain: one row per funding event (event_id) of a current monthly submission
select *
from stg_startup_funding
