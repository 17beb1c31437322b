-- TAL-03 share of women among digital graduates, %
-- grain: one row per semester, national ('00') and per region; semesters without graduates have no value
select
    annee || '-' || semestre as period,
    period_end(annee || '-' || semestre) as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    100.0 * sum(dont_femmes) / sum(diplomes) as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_digital_training
group by grouping sets ((annee, semestre), (annee, semestre, region_code))
having sum(diplomes) > 0
