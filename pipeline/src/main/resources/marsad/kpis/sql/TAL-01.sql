-- TAL-01 young people trained in digital skills per year (graduates, both semesters)
-- grain: one row per calendar year, national ('00') and per region
select
    annee::varchar as period,
    make_date(annee, 12, 31) as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    sum(diplomes)::double as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_digital_training
-- a year counts once both semesters are reported: a half year is not a yearly figure
where annee in (select annee from fct_digital_training group by annee having count(distinct semestre) = 2)
group by grouping sets ((annee), (annee, region_code))
