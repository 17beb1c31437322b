-- Reports that were due and arrived late, or have not arrived, with who owes them.
select
    c.status,
    c.template_id,
    c.submitter,
    s.name_fr as submitter_name,
    c.period,
    c.due_date,
    c.received_at
from fct_submission_calendar c
left join dim_submitter s on s.submitter_code = c.submitter
where c.status in ('late', 'missing')
order by c.status, c.due_date, c.template_id, c.submitter;
