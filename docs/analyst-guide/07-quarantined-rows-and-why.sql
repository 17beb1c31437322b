-- Rows set aside, by file and reason, with one example cell and the message the submitter received.
select
    q.template_id,
    q.submitter,
    s.file_name,
    q.reason_code,
    count(*) as rows_quarantined,
    min(q.cell) as first_cell,
    any_value(q.message_fr) as message_fr
from quarantine q
join submission s using (submission_id)
group by all
order by q.template_id, q.submitter, s.file_name, q.reason_code;
