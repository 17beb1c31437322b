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
    -- exact: the lake keeps a DOUBLE of at most 15 digits, the validator allowed at most 2 decimals
    cast(amount_mad as decimal(18, 2)) as amount_mad,
    event_date,
    cast(valuation_mad as decimal(18, 2)) as valuation_mad,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_startup_funding
