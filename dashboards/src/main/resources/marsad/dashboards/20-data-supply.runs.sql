-- grain: one row per nightly run, newest first
select
    run_id, as_of, started_at, finished_at, status,
    files_accepted, files_with_quarantine, files_rejected, rows_loaded, rows_quarantined
from ops_run
order by run_id desc
