-- grain: one row per year, semester, region, operator, programme, field and training type of a current submission
-- Reads the lake's current partitions of the template; lineage columns come last.
select
    annee,
    semestre,
    code_region as region_code, -- the contract says code_region; the warehouse says region_code everywhere
    operateur,
    programme,
    filiere,
    type_formation,
    inscrits,
    diplomes,
    dont_femmes,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_digital_training
