-- AI-02 AI-related jobs
-- grain: one national row per year: the reported value of indicateur 'emplois_ia'
select period, period_end, region_code, reported::double as value, submission_ids
from indicator_total('fct_digital_economy_annual', annee::varchar, 'emplois_ia')
