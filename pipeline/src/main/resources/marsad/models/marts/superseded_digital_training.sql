-- grain: one row per year, semester, region, operator, programme, field and training type of every superseded or withdrawn submission
-- The accepted revisions that are not current: with fct_digital_training, hist_digital_training holds every accepted revision once.
select * rename (code_region as region_code)
from lake_superseded_digital_training
