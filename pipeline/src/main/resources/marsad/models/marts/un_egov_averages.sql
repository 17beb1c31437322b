-- grain: one row per survey year and group of countries: each UN region of the edition, and the world
-- Plain means of the published EGDI and OSI over the Member States of each edition: the yardsticks Morocco's indices
-- are read against. The 2022 file has no region column, so a country takes the region its latest edition gives it.
with survey as (
    select survey_year::integer as survey_year, trim(country) as country, egdi, osi, region
    from fct_un_egov_survey
),

known_regions as (
    select country, arg_max(region, survey_year) as region
    from survey
    where region is not null
    group by country
),

countries as (
    select survey.survey_year, survey.country, coalesce(survey.region, known_regions.region) as region, survey.egdi,
        survey.osi
    from survey
    left join known_regions on known_regions.country = survey.country
)

select survey_year, region as country_group, count(*) as countries, avg(egdi) as egdi_mean, avg(osi) as osi_mean
from countries
where region is not null
group by survey_year, region

union all

select survey_year, 'World' as country_group, count(*) as countries, avg(egdi) as egdi_mean, avg(osi) as osi_mean
from countries
group by survey_year

order by survey_year, country_group
