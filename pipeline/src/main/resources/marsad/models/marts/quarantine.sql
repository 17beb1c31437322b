-- grain: one row per quarantined source row of an accepted submission
select
    submission_id,
    template_id,
    submitter,
    period,
    "row",
    line,
    cell,
    column_name,
    header,
    reason_code,
    raw_value,
    message_fr,
    message_ar,
    message_en
from stg_quarantine
order by template_id, submitter, period, submission_id, "row"
