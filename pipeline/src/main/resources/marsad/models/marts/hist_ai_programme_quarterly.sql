-- grain: one row per quarter and programme entity of every accepted submission (current and superseded revisions)
select * replace (
    cast(budget_engage_mad as decimal(18, 2)) as budget_engage_mad,
    cast(budget_execute_mad as decimal(18, 2)) as budget_execute_mad
) rename (code_region as region_code)
from lake_hist_ai_programme_quarterly
