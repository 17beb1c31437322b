-- un_egov_scores, grain: one row per survey year and country.
-- EGDI is recomputed as the mean of OSI, HCI and TII and compared with the published EGDI (tolerance 1e-4).
-- Ranks are standard competition ranks (ties share a rank) of the PUBLISHED EGDI and OSI: the UN ranks its rounded
-- published values, so ranking the recomputed mean would not reproduce the published ranks.
create or replace table un_egov_scores as
with survey as (
    select survey_year::integer as survey_year, trim(country) as country, egdi, egdi_rank, osi, hci, tii
    from fct_un_egov_survey
),

scored as (
    select
        survey_year,
        country,
        egdi as egdi_published,
        (osi + hci + tii) / 3 as egdi_computed,
        egdi_rank::integer as egdi_rank_published,
        (rank() over (partition by survey_year order by egdi desc nulls last))::integer as egdi_rank_computed,
        osi as osi_published,
        (rank() over (partition by survey_year order by osi desc nulls last))::integer as osi_rank_computed
    from survey
)

select
    survey_year,
    country,
    egdi_published,
    egdi_computed,
    egdi_rank_published,
    egdi_rank_computed,
    osi_published,
    osi_rank_computed,
    coalesce(abs(egdi_computed - egdi_published) > 1e-4 or egdi_rank_computed <> egdi_rank_published, true) as differs
from scored
order by survey_year, egdi_rank_computed, country
