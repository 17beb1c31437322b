-- CON-04 fibre (FTTH) subscriptions
-- grain: one national row per quarter: indicateur 'parc_ftth' for operateur TOUS
select period, period_end, region_code, reported::double as value, submission_ids
from indicator_total('fct_telecom_quarterly', trimestre, 'parc_ftth', counted := operateur = 'TOUS')
