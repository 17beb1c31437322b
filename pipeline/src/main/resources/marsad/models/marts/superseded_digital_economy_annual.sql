-- grain: one row per year and indicator of every superseded or withdrawn submission
-- The accepted revisions that are not current: with fct_digital_economy_annual, hist_digital_economy_annual holds every accepted revision once.
select * replace (
    cast(valeur as decimal(18, 2)) as valeur
)
from lake_superseded_digital_economy_annual
