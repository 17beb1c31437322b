-- AI-01 AI contribution to GDP, bn MAD
-- grain: one national row per year: the reported value of indicateur 'contribution_pib_ia', MAD converted to billions
select period, period_end, region_code, reported / 1e9 as value, submission_ids
from indicator_total('fct_digital_economy_annual', annee::varchar, 'contribution_pib_ia')
