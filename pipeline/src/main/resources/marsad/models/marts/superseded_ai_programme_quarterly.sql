-- grain: one row per quarter and programme entity of every superseded or withdrawn submission
-- The accepted revisions that are not current: with fct_ai_programme_quarterly, hist_ai_programme_quarterly holds every accepted revision once.
select * replace (
    cast(budget_engage_mad as decimal(18, 2)) as budget_engage_mad,
    cast(budget_execute_mad as decimal(18, 2)) as budget_execute_mad
) rename (code_region as region_code)
from lake_superseded_ai_programme_quarterly
