-- grain: one row per quarter and programme entity of every accepted submission (current and superseded revisions)
select *
from lake_hist_ai_programme_quarterly
