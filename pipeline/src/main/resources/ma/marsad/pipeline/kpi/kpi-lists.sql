-- The KPI marts' lists: the engine appends submission ids and row counts as comma-separated text, this makes them
-- lists (sorted and distinct ids; counts in the same order, null for the submission calendar, which has no rows).
alter table kpi_value alter source_rows set data type bigint[] using
    case when submission_ids = '' then [] else
        list_transform(string_split(source_rows, ','), n -> cast(nullif(n, '') as bigint)) end;

alter table kpi_value alter submission_ids set data type varchar[] using
    case when submission_ids = '' then [] else string_split(submission_ids, ',') end;

alter table kpi_score alter submission_ids set data type varchar[] using
    case when submission_ids is null then null when submission_ids = '' then [] else string_split(submission_ids, ',') end;

-- grain: one row per KPI value (KPI, period, region, vintage) and submission it used
create or replace view kpi_lineage as
select
    kpi_id,
    period,
    region_code,
    known_at,
    is_latest_vintage,
    unnest(submission_ids) as submission_id,
    unnest(source_rows) as source_rows
from kpi_value;
