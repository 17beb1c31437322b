-- grain: one row per (submitter, template) that ever sent a file
select
    submitter,
    template_id,
    submitter || ' · ' || template_id as submitter_template,
    count(*) as files_received,
    count(*) filter (where status = 'rejected') as files_rejected,
    coalesce(sum(rows_accepted), 0) as rows_accepted,
    coalesce(sum(rows_quarantined), 0) as rows_quarantined
from submission
group by submitter, template_id
order by submitter, template_id
