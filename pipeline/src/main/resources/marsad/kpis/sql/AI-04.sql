-- AI-04 talents trained by the AI programme (cumulative)
-- grain: one row per reported quarter, national ('00') and per region; each quarter sums talents_formes of every quarter up to it
select period, period_end, region_code, value, submission_ids
from running_total('fct_ai_programme_quarterly', trimestre, talents_formes)
