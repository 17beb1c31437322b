-- grain: one row per submitter code: every registered submitter, and every unregistered landing folder a file came
-- from (those files are rejected, UNKNOWN_SUBMITTER), so that every submitter key of the warehouse joins here
select submitter_code, name_fr, name_ar, true as is_registered
from src.submitter
union all
select distinct submitter, null, null, false
from stg_submission
where submitter not in (select submitter_code from src.submitter)
order by submitter_code
