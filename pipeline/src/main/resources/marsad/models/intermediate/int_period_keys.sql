-- grain: one row per distinct period key found in submissions or fact rows
select distinct period as period_key
from stg_submission
where period is not null
