-- How fresh each template's data is: the last accepted file per template and submitter.
select
    template_id,
    submitter,
    max(received_at) as last_received_at,
    count(*) filter (where is_current) as current_submissions
from submission
where status in ('accepted', 'accepted_with_quarantine')
group by all
order by template_id, submitter;
