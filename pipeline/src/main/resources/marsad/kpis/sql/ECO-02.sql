-- ECO-02 offshoring and outsourcing jobs
-- grain: one national row per year: the reported value of indicateur 'emplois_offshoring'
select period, period_end, region_code, reported::double as value, submission_ids
from indicator_total('fct_digital_economy_annual', annee::varchar, 'emplois_offshoring')
