-- grain: one row per quarter, indicator and operator of every accepted ANRT submission (current and superseded revisions)
select *
from lake_hist_telecom_quarterly
