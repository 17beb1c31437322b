-- grain: one row per funding event (event_id) of a current monthly submission
-- Reads the lake's current partitions of the template; lineage columns come last.
select
    event_id,
    startup_id,
    startup_name,
    region_code,
    sector,
    stage,
    programme,
    amount_mad,
    event_date,
    valuation_mad,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_startup_funding
