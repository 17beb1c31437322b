-- EGOV-01 e-services available online (transactional or better)
-- grain: one national row per quarter; the value is taken from the latest catalogue snapshot of that quarter
with snapshot as (
    select
        date_situation,
        count(*) filter (where niveau_digitalisation >= 3) as transactional_services,
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
    transactional_services::double as value,
    submission_ids
from latest_snapshot_of_quarter
