-- grain: one row per quarter and programme entity of every accepted submission (current and superseded revisions)
select * rename (code_region as region_code)
from lake_hist_ai_programme_quarterly
