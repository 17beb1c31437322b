-- TAL-01 young people trained in digital skills per year (graduates, both semesters)
-- grain: one row per calendar year, national ('00') and per region
select period, period_end, region_code, value, submission_ids
from graduates_by_year('fct_digital_training', true)
