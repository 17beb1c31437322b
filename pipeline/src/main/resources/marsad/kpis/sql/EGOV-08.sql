-- EGOV-08 Morocco's world rank on the UN E-Government Development Index (of 193)
-- grain: one national row per survey year: standard competition rank (ties share a rank) of the published EGDI,
-- which reproduces the published rank.
with ranked as (
    select
        survey_year,
        trim(country) as country,
        rank() over (partition by survey_year order by egdi desc) as egdi_rank,
        submission_id
    from fct_un_egov_survey
    where egdi is not null
)

select
    survey_year::varchar as period,
    make_date(survey_year, 12, 31) as period_end,
    '00' as region_code,
    egdi_rank::double as value,
    submission_id as submission_ids
from ranked
where country = 'Morocco'
