-- EGOV-02 share of e-services fully digital end to end (%)
-- grain: one national row per quarter; the value is taken from the latest catalogue snapshot of that quarter
with snapshot as (
    select
        date_situation,
        100.0 * count(*) filter (where niveau_digitalisation = 4) / count(*) as fully_digital_share,
        string_agg(distinct submission_id, ',') as submission_ids
    from fct_eservices_catalogue
    group by date_situation
),

latest_snapshot_of_quarter as (
    select *
    from snapshot
    qualify row_number() over (partition by date_trunc('quarter', date_situation) order by date_situation desc) = 1
)

select
    year(date_situation) || '-Q' || quarter(date_situation) as period,
    last_day(date_trunc('quarter', date_situation) + interval 2 month)::date as period_end,
    '00' as region_code,
    fully_digital_share as value,
    submission_ids
from latest_snapshot_of_quarter
