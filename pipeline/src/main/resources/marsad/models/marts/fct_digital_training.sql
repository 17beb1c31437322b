-- grain: one row per year, semester, region, operator, programme, field and training type of a current submission
select *
from stg_digital_training
