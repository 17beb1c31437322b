-- grain: one row per quarantined source row of an accepted submission
select *
from lake_quarantine
