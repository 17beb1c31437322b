-- morocco_world_rank(fact_table, score): one national row per survey year of the UN E-Government Survey (fact_table),
-- valued by Morocco's standard competition rank (ties share a rank) on score among the countries with a score that
-- year.
create or replace macro morocco_world_rank(fact_table, score) as table
with ranked as (
    select
        survey_year,
        trim(country) as country,
        rank() over (partition by survey_year order by score desc) as world_rank,
        -- a rank compares every country of the survey year: all their rows make the value (lineage)
        string_agg(submission_id, ',') over (partition by survey_year) as survey_submission_ids
    from query_table(fact_table)
    where score is not null
)

select
    survey_year::varchar as period,
    period_end(survey_year::varchar) as period_end,
    '00' as region_code,
    world_rank::double as value,
    survey_submission_ids as submission_ids
from ranked
where country = 'Morocco';
