-- kpi_latest, grain: one row per KPI and region: the kpi_score row of the latest complete period (or of the latest
-- period when none has ended), with the value of a later period still running beside it as provisional_*
create or replace table kpi_latest as
with settled as (
    select *
    from kpi_score
    qualify row_number() over (
        partition by kpi_id, region_code
        order by coalesce(period_complete, true) desc, period_end desc nulls last, period desc
    ) = 1
),

running as (
    select kpi_id, region_code, period, period_end, value
    from kpi_score
    where period_complete = false
    qualify row_number() over (partition by kpi_id, region_code order by period_end desc, period desc) = 1
)

select
    settled.*,
    running.period as provisional_period,
    running.period_end as provisional_period_end,
    running.value as provisional_value
from settled
left join running
    on running.kpi_id = settled.kpi_id
    and running.region_code = settled.region_code
    and running.period_end > settled.period_end
order by settled.kpi_id, settled.region_code
