-- grain: one row per submission version (a file or a set of parts, identified by its SHA-256)
select
    submission_id,
    template_id,
    template_version,
    submitter,
    period,
    status,
    file_name,
    rows_read,
    rows_accepted,
    rows_quarantined,
    file_error_code,
    file_error_message,
    file_error_message_ar,
    file_error_message_en,
    received_at,
    valid_from,
    valid_to,
    is_current,
    is_withdrawn,
    feedback_path
from stg_submission
order by template_id, submitter, period, received_at, submission_id
