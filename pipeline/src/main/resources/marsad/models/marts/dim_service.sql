-- grain: one row per e-service code, as described by the latest catalogue snapshot that lists it
with ranked as (
    select
        *,
        row_number() over (partition by code_service order by date_situation desc, submission_id) as recency
    from fct_eservices_catalogue
)

select
    code_service as service_code,
    intitule_fr,
    intitule_ar,
    code_ministere,
    public_cible,
    niveau_digitalisation,
    date_mise_en_ligne,
    date_situation as described_on
from ranked
where recency = 1
order by service_code
