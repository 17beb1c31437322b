-- EGOV-06 Morocco's world rank on the UN Online Services Index (of 193)
-- grain: one national row per survey year. The OSI rank is not published: it is the standard competition rank
-- (ties share a rank) of the published OSI among all countries of the survey, as in un_egov_scores.
with ranked as (
    select
        survey_year,
        trim(country) as country,
        rank() over (partition by survey_year order by osi desc) as osi_rank,
        -- a rank compares every country of the survey year: all their rows make the value (lineage)
        string_agg(submission_id, ',') over (partition by survey_year) as survey_submission_ids
    from fct_un_egov_survey
    where osi is not null
)

select
    survey_year::varchar as period,
    make_date(survey_year, 12, 31) as period_end,
    '00' as region_code,
    osi_rank::double as value,
    survey_submission_ids as submission_ids
from ranked
where country = 'Morocco'
