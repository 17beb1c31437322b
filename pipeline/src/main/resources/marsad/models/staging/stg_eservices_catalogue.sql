-- grain: one row per e-service (code_service) of a current catalogue snapshot
-- Reads the lake's current partitions of the template; lineage columns come last.
select
    code_service,
    intitule_fr,
    intitule_ar,
    code_ministere,
    public_cible,
    niveau_digitalisation,
    date_mise_en_ligne,
    date_situation,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_eservices_catalogue
