-- grain: one row per year and indicator of every accepted submission (current and superseded revisions)
select *
from lake_hist_digital_economy_annual
