-- grain: one row per quarter and programme entity of a current submission
select *
from stg_ai_programme_quarterly
