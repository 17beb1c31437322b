-- grain: one row per quarter, indicator and operator of a current ANRT submission
select *
from stg_telecom_quarterly
