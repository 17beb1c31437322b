-- grain: one row per quarantined source row of an accepted submission
-- A row quarantined before the file's period was known takes the submission's period.
select
    q.submission_id,
    q.template_id,
    q.submitter,
    coalesce(q.period, s.period) as period,
    q."row",
    q.line,
    q.cell,
    q.column_name,
    q.header,
    q.reason_code,
    q.raw_value,
    q.message_fr,
    q.message_ar,
    q.message_en,
    cast(q.key_values as json) as key_values,
    cast(q.raw_row as json) as raw_row
from stg_quarantine as q
left join stg_submission as s using (submission_id)
order by q.template_id, q.submitter, period, q.submission_id, q."row"
