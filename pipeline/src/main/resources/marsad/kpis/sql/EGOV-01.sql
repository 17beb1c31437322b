-- EGOV-01 e-services available online (transactional or better)
-- grain: one national row per quarter; the value is taken from the latest catalogue snapshot of that quarter
select period, period_end, region_code, value::double as value, submission_ids
from catalogue_by_quarter('fct_eservices_catalogue', count(*) filter (where niveau_digitalisation >= 3))
