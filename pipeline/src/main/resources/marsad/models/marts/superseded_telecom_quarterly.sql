-- grain: one row per quarter, indicator and operator of every superseded or withdrawn ANRT submission
-- The accepted revisions that are not current: with fct_telecom_quarterly, hist_telecom_quarterly holds every accepted revision once.
select * replace (
    cast(valeur as decimal(18, 2)) as valeur
)
from lake_superseded_telecom_quarterly
