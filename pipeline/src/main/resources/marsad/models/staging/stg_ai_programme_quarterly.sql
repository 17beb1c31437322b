-- grain: one row per quarter and programme entity of a current submission
-- Reads the lake's current partitions of the template; lineage columns come last.
select
    trimestre,
    code_entite,
    type_entite,
    code_region as region_code, -- the contract says code_region; the warehouse says region_code everywhere
    talents_formes,
    projets_pilotes_lances,
    startups_accompagnees,
    ateliers,
    chercheurs,
    -- exact: the lake keeps a DOUBLE of at most 15 digits, the validator allowed at most 2 decimals
    cast(budget_engage_mad as decimal(18, 2)) as budget_engage_mad,
    cast(budget_execute_mad as decimal(18, 2)) as budget_execute_mad,
    statut_operationnel,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_ai_programme_quarterly
