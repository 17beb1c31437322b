-- grain: one row per year, semester, region, operator, programme, field and training type of every accepted submission (current and superseded revisions)
select * rename (code_region as region_code)
from lake_hist_digital_training
