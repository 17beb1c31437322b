-- ECO-03 digital export revenue, bn MAD
-- grain: one national row per year: the reported value of indicateur 'exportations_numeriques', MAD converted to billions
select period, period_end, region_code, reported / 1e9 as value, submission_ids
from indicator_total('fct_digital_economy_annual', annee::varchar, 'exportations_numeriques')
