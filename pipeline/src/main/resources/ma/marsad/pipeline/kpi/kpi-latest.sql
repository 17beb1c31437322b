-- kpi_latest, grain: one row per KPI and region: the kpi_score row of the latest period
create or replace table kpi_latest as
select *
from kpi_score
qualify row_number() over (partition by kpi_id, region_code order by period_end desc nulls last, period desc) = 1
order by kpi_id, region_code
