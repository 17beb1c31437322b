-- grain: one row per current daily submission of e-service requests and day of submitted_at
-- Incremental: each row belongs to one submission, so a night adds or removes only the changed submissions' days.
select
    submission_id,
    submitter,
    cast(submitted_at as date) as day,
    count(*) as requests
from stg_egov_requests
group by submission_id, submitter, cast(submitted_at as date)
