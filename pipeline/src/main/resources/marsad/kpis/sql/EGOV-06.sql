-- EGOV-06 Morocco's world rank on the UN Online Services Index (of 193)
-- grain: one national row per survey year. The OSI rank is not published: it is the standard competition rank
-- (ties share a rank) of the published OSI among all countries of the survey, as in un_egov_scores.
select period, period_end, region_code, value, submission_ids
from morocco_world_rank('fct_un_egov_survey', osi)
