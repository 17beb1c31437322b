-- CON-01 households eligible for fibre (FTTH), millions
-- grain: one national row per quarter: indicateur 'foyers_eligibles_ftth' for operateur TOUS, in millions
select period, period_end, region_code, reported / 1e6 as value, submission_ids
from indicator_total('fct_telecom_quarterly', trimestre, 'foyers_eligibles_ftth', counted := operateur = 'TOUS')
