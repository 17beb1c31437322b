-- AI-05 AI pilot projects launched (cumulative)
-- grain: one row per reported quarter, national ('00') and per region; each quarter sums projets_pilotes_lances of every quarter up to it
select period, period_end, region_code, value, submission_ids
from running_total('fct_ai_programme_quarterly', trimestre, projets_pilotes_lances)
