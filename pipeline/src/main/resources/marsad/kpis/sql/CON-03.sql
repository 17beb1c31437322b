-- CON-03 Internet penetration rate, % of population
-- grain: one national row per quarter: indicateur 'taux_penetration_internet' for operateur TOUS (can exceed 100: never capped)
select period, period_end, region_code, reported::double as value, submission_ids
from indicator_total('fct_telecom_quarterly', trimestre, 'taux_penetration_internet', counted := operateur = 'TOUS')
