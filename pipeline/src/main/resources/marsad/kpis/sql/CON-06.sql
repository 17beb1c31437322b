-- CON-06 under-connected localities covered (PNHD 2)
-- grain: one national row per quarter: indicateur 'localites_couvertes_pnhd' for operateur TOUS
select period, period_end, region_code, reported::double as value, submission_ids
from indicator_total('fct_telecom_quarterly', trimestre, 'localites_couvertes_pnhd', counted := operateur = 'TOUS')
