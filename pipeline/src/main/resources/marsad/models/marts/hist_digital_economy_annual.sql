-- grain: one row per year and indicator of every accepted submission (current and superseded revisions)
select * replace (
    cast(valeur as decimal(18, 2)) as valeur
)
from lake_hist_digital_economy_annual
