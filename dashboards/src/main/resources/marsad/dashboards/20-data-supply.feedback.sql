-- grain: one row per submission that has a feedback report, newest first
select received_at, submitter, template_id, period, file_name, status, rows_quarantined, feedback_path
from submission
where feedback_path is not null
order by received_at desc, submission_id
