-- grain: one row per registered submitter
select submitter_code, name_fr, name_ar
from src.submitter
order by submitter_code
