-- grain: one row per fact row of any fct_ table, with the file, row and cell it came from
select 'egov-requests' as template_id, 'fct_egov_requests' as fact_table, f.submission_id, f.source_row, f.source_cell,
       s.file_name, s.submitter, s.period, s.received_at
from fct_egov_requests as f
join submission as s using (submission_id)
union all
select 'eservices-catalogue' as template_id, 'fct_eservices_catalogue' as fact_table, f.submission_id, f.source_row, f.source_cell,
       s.file_name, s.submitter, s.period, s.received_at
from fct_eservices_catalogue as f
join submission as s using (submission_id)
union all
select 'telecom-quarterly' as template_id, 'fct_telecom_quarterly' as fact_table, f.submission_id, f.source_row, f.source_cell,
       s.file_name, s.submitter, s.period, s.received_at
from fct_telecom_quarterly as f
join submission as s using (submission_id)
union all
select 'digital-training' as template_id, 'fct_digital_training' as fact_table, f.submission_id, f.source_row, f.source_cell,
       s.file_name, s.submitter, s.period, s.received_at
from fct_digital_training as f
join submission as s using (submission_id)
union all
select 'startup-funding' as template_id, 'fct_startup_funding' as fact_table, f.submission_id, f.source_row, f.source_cell,
       s.file_name, s.submitter, s.period, s.received_at
from fct_startup_funding as f
join submission as s using (submission_id)
union all
select 'ai-programme-quarterly' as template_id, 'fct_ai_programme_quarterly' as fact_table, f.submission_id, f.source_row, f.source_cell,
       s.file_name, s.submitter, s.period, s.received_at
from fct_ai_programme_quarterly as f
join submission as s using (submission_id)
union all
select 'digital-economy-annual' as template_id, 'fct_digital_economy_annual' as fact_table, f.submission_id, f.source_row, f.source_cell,
       s.file_name, s.submitter, s.period, s.received_at
from fct_digital_economy_annual as f
join submission as s using (submission_id)
union all
select 'un-egov-survey' as template_id, 'fct_un_egov_survey' as fact_table, f.submission_id, f.source_row, f.source_cell,
       s.file_name, s.submitter, s.period, s.received_at
from fct_un_egov_survey as f
join submission as s using (submission_id)
