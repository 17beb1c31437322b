-- TAL-01 in Spark SQL (kpis/sql/TAL-01.sql): young people trained in digital skills per year (both semesters)
-- grain: one row per calendar year, national ('00') and per region
select
    cast(annee as string) as period,
    case when grouping(code_region) = 1 then '00' else code_region end as region_code,
    cast(sum(diplomes) as double) as value
from digital_training
-- a year counts once both semesters are reported
where annee in (select annee from digital_training group by annee having count(distinct semestre) = 2)
group by grouping sets ((annee), (annee, code_region))
