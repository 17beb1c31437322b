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
    budget_engage_mad,
    budget_execute_mad,
    statut_operationnel,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_ai_programme_quarterly
