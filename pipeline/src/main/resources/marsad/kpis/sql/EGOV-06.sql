-- EGOV-06 Morocco's world rank on the UN Online Services Index (of 193)
-- grain: one national row per survey year. The OSI rank is not published: it is the standard competition rank
-- (ties share a rank) of the published OSI among all countries of the survey, as in un_egov_scores.
with ranked as (
    select
        survey_year,
        trim(country) as country,
        rank() over (partition by survey_year order by osi desc) as osi_rank,
        submission_id
    from fct_un_egov_survey
    where osi is not null
)

select
    survey_year::varchar as period,
    make_date(survey_year, 12, 31) as period_end,
    '00' as region_code,
    osi_rank::double as value,
    submission_id as submission_ids
from ranked
where country = 'Morocco'
