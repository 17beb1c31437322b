-- The months this KPI's figures are computed from a sample of days, not the whole month: per submitter, the days
-- its data cover. Empty for a KPI whose source has no dated rows or covers every day (the panel is then hidden).
select
    c.period,
    c.submitter,
    c.days_with_data,
    c.days_in_period,
    c.data_rows
from period_coverage c
join kpi_catalogue k on k.source_template = c.template_id
where k.kpi_id = {kpi}
  and c.is_sample
  and (k.authoritative_submitter is null or k.authoritative_submitter = c.submitter)
order by c.period desc, c.submitter
