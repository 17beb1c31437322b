-- grain: one row per year and indicator of a current submission
-- Reads the lake's current partitions of the template; lineage columns come last.
select
    annee,
    indicateur,
    -- exact: the lake keeps a DOUBLE of at most 15 digits, the validator allowed at most 2 decimals
    cast(valeur as decimal(18, 2)) as valeur,
    unite,
    source,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_digital_economy_annual
