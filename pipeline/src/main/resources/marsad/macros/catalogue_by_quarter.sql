-- catalogue_by_quarter(fact_table, measure): one national row per quarter of the e-services catalogue (fact_table),
-- valued by measure (an aggregate over the services of one snapshot) on the latest snapshot of that quarter.
create or replace macro catalogue_by_quarter(fact_table, measure) as table
with snapshot as (
    select date_situation, measure as value, string_agg(distinct submission_id, ',') as submission_ids
    from query_table(fact_table)
    group by date_situation
),

latest_snapshot_of_quarter as (
    select *
    from snapshot
    qualify row_number() over (partition by date_trunc('quarter', date_situation) order by date_situation desc) = 1
)

select
    year(date_situation) || '-Q' || quarter(date_situation) as period,
    period_end(year(date_situation) || '-Q' || quarter(date_situation)) as period_end,
    '00' as region_code,
    value,
    submission_ids
from latest_snapshot_of_quarter;
