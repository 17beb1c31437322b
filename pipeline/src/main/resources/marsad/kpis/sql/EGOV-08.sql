-- EGOV-08 Morocco's world rank on the UN E-Government Development Index (of 193)
-- grain: one national row per survey year: standard competition rank (ties share a rank) of the published EGDI,
-- which reproduces the published rank.
with ranked as (
    select
        survey_year,
        trim(country) as country,
        rank() over (partition by survey_year order by egdi desc) as egdi_rank,
        -- a rank compares every country of the survey year: all their rows make the value (lineage)
        string_agg(submission_id, ',') over (partition by survey_year) as survey_submission_ids
    from fct_un_egov_survey
    where egdi is not null
)

select
    survey_year::varchar as period,
    make_date(survey_year, 12, 31) as period_end,
    '00' as region_code,
    egdi_rank::double as value,
    survey_submission_ids as submission_ids
from ranked
where country = 'Morocco'
