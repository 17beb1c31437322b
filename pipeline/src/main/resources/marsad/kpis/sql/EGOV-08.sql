-- EGOV-08 Morocco's world rank on the UN E-Government Development Index (of 193)
-- grain: one national row per survey year: standard competition rank (ties share a rank) of the published EGDI,
-- which reproduces the published rank.
select period, period_end, region_code, value, submission_ids
from morocco_world_rank('fct_un_egov_survey', egdi)
