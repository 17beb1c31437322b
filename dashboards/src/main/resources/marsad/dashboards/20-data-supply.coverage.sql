-- grain: one row per (submitter, template with dated rows): months covered day by day, months from a sample of days
select
    submitter,
    template_id,
    count(*) filter (where not is_sample) as months_complete,
    count(*) filter (where is_sample) as months_sampled,
    min(period) filter (where is_sample) as first_sampled,
    max(period) filter (where is_sample) as last_sampled
from period_coverage
group by submitter, template_id
order by submitter, template_id
