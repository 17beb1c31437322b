-- EGOV-07 Morocco's UN E-Government Development Index (0-1), as published
-- grain: one national row per survey year. The published EGDI is the mean of OSI, HCI and TII rounded by the UN;
-- un_egov_scores checks that mean against the published value.
select
    survey_year::varchar as period,
    period_end(survey_year::varchar) as period_end,
    '00' as region_code,
    egdi as value,
    submission_id as submission_ids
from fct_un_egov_survey
where trim(country) = 'Morocco' and egdi is not null
