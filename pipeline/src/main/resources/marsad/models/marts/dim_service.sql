-- grain: one row per e-service code, as described by the latest catalogue snapshot that lists it
with ranked as (
    select
        *,
        row_number() over (partition by code_service order by date_situation desc, submission_id) as recency
    from fct_eservices_catalogue
)

-- the catalogue's own columns in their order, lineage aside
select
    * exclude (period, submitter, submission_id, source_row, source_cell, recency)
    rename (code_service as service_code, date_situation as described_on)
from ranked
where recency = 1
order by service_code
