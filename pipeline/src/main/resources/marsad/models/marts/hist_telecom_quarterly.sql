-- grain: one row per quarter, indicator and operator of every accepted ANRT submission (current and superseded revisions)
select * replace (
    cast(valeur as decimal(18, 2)) as valeur
)
from lake_hist_telecom_quarterly
