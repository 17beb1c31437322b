-- One row per nightly run: the history from work/runs/ and the run being built (every time in UTC).
create or replace table ops_run (
    run_id bigint,
    started_at timestamptz,
    finished_at timestamptz,
    as_of date,
    status varchar,
    files_accepted bigint,
    files_with_quarantine bigint,
    files_rejected bigint,
    rows_loaded bigint,
    rows_quarantined bigint
);
