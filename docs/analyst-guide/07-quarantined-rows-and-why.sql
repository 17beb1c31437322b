-- Rows set aside, by file and reason: the first of them (its row, cell and key values as submitted) and the message
-- the submitter received. raw_row holds every cell of a row: select it for one submission to see the whole row.
select
    q.template_id,
    q.submitter,
    s.file_name,
    q.reason_code,
    count(*) as rows_quarantined,
    min(q."row") as first_row,
    arg_min(q.cell, q."row") as first_cell,
    arg_min(q.key_values, q."row") as first_key_values,
    any_value(q.message_fr) as message_fr
from quarantine q
join submission s using (submission_id)
group by all
order by q.template_id, q.submitter, s.file_name, q.reason_code;
