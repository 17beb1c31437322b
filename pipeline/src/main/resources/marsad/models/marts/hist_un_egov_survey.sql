-- grain: one row per survey year and country of every accepted UN E-Government Survey file (current and superseded revisions)
select * replace (cast(egdi_rank as integer) as egdi_rank)
from lake_hist_un_egov_survey
