-- EGOV-02 share of e-services fully digital end to end (%)
-- grain: one national row per quarter; the value is taken from the latest catalogue snapshot of that quarter
select period, period_end, region_code, value, submission_ids
from catalogue_by_quarter(
    'fct_eservices_catalogue',
    100.0 * count(*) filter (where niveau_digitalisation = 4) / count(*))
