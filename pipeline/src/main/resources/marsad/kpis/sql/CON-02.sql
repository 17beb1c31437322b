-- CON-02 5G population coverage, %
-- grain: one national row per quarter: indicateur 'couverture_5g_population' for operateur TOUS
select period, period_end, region_code, reported::double as value, submission_ids
from indicator_total('fct_telecom_quarterly', trimestre, 'couverture_5g_population', counted := operateur = 'TOUS')
