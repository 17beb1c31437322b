-- grain: one row per year and indicator of a current submission
select *
from stg_digital_economy_annual
