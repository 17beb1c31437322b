-- AI-07 workshops of the MTNRA - Mistral AI joint lab (cumulative)
-- grain: one row per reported quarter, national; each quarter sums ateliers of every quarter up to it
select period, period_end, region_code, value, submission_ids
from running_total('fct_ai_programme_quarterly', trimestre, ateliers, counted := code_entite = 'MISTRAL-LAB')
where region_code = '00'
