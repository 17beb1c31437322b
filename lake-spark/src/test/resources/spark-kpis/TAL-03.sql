-- TAL-03 in Spark SQL (kpis/sql/TAL-03.sql): share of women among digital graduates, %
-- grain: one row per semester, national ('00') and per region; semesters without graduates have no value
select
    annee || '-' || semestre as period,
    case when grouping(code_region) = 1 then '00' else code_region end as region_code,
    100.0d * sum(dont_femmes) / sum(diplomes) as value
from digital_training
group by grouping sets ((annee, semestre), (annee, semestre, code_region))
having sum(diplomes) > 0
