-- grain: one row per survey year and country of a current UN E-Government Survey file
select *
from stg_un_egov_survey
