-- grain: one row per quarter, indicator and operator of a current ANRT submission
-- Reads the lake's current partitions of the template; lineage columns come last.
select
    trimestre,
    indicateur,
    operateur,
    -- exact: the lake keeps a DOUBLE of at most 15 digits, the validator allowed at most 2 decimals
    cast(valeur as decimal(18, 2)) as valeur,
    unite,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_telecom_quarterly
