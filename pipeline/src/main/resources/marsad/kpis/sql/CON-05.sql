-- CON-05 public administration sites connected to fibre
-- grain: one national row per quarter: indicateur 'sites_publics_fibre' for operateur TOUS
select period, period_end, region_code, reported::double as value, submission_ids
from indicator_total('fct_telecom_quarterly', trimestre, 'sites_publics_fibre', counted := operateur = 'TOUS')
