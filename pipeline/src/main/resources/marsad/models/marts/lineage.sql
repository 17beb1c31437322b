-- grain: one row per fact row of any fct_ table, with the file, row and cell it came from
-- query_table unions the fact tables by column name; the submission names the template, hence the fact table
select
    s.template_id,
    'fct_' || replace(s.template_id, '-', '_') as fact_table,
    f.submission_id,
    f.source_row,
    f.source_cell,
    s.file_name,
    s.submitter,
    s.period,
    s.received_at
from query_table([
    'fct_egov_requests',
    'fct_eservices_catalogue',
    'fct_telecom_quarterly',
    'fct_digital_training',
    'fct_startup_funding',
    'fct_ai_programme_quarterly',
    'fct_digital_economy_annual',
    'fct_un_egov_survey'
], true) as f
join submission as s using (submission_id)
