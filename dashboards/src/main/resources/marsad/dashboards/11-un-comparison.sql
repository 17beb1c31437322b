-- grain: one row per country or average Morocco is compared with, in the page's order
-- A country or average missing from the loaded survey keeps its row, with empty values.
with wanted as (
    select *
    from (
        values
            (1, 'Morocco', 'country'),
            (2, 'Africa', 'average'),
            (3, 'World', 'average'),
            (4, 'Tunisia', 'country'),
            (5, 'Egypt', 'country'),
            (6, 'Algeria', 'country'),
            (7, 'Rwanda', 'country'),
            (8, 'Kenya', 'country'),
            (9, 'South Africa', 'country')
    ) as peers(position, name, kind)
),

scores as (
    select survey_year, country as name, 'country' as kind, egdi_published as egdi, osi_published as osi,
        egdi_rank_published as egdi_rank, osi_rank_computed as osi_rank
    from un_egov_scores
    union all
    select survey_year, country_group as name, 'average' as kind, egdi_mean as egdi, osi_mean as osi,
        null as egdi_rank, null as osi_rank
    from un_egov_averages
)

select
    case when wanted.kind = 'average' then wanted.name || ' average' else wanted.name end as entity,
    max(scores.egdi) filter (where scores.survey_year = 2022) as egdi_2022,
    max(scores.egdi) filter (where scores.survey_year = 2024) as egdi_2024,
    max(scores.egdi_rank) filter (where scores.survey_year = 2022) as egdi_rank_2022,
    max(scores.egdi_rank) filter (where scores.survey_year = 2024) as egdi_rank_2024,
    max(scores.osi) filter (where scores.survey_year = 2022) as osi_2022,
    max(scores.osi) filter (where scores.survey_year = 2024) as osi_2024,
    max(scores.osi_rank) filter (where scores.survey_year = 2022) as osi_rank_2022,
    max(scores.osi_rank) filter (where scores.survey_year = 2024) as osi_rank_2024
from wanted
left join scores on scores.name = wanted.name and scores.kind = wanted.kind
group by wanted.position, wanted.name, wanted.kind
order by wanted.position
