-- AI-03 in Spark SQL (kpis/sql/AI-03.sql): regions with an operational Al-Jazari institute (of 12)
-- grain: one national row per quarter
select
    trimestre as period,
    '00' as region_code,
    cast(count(distinct case when type_entite = 'institut' and statut_operationnel = 'oui' then code_region end)
        as double) as value
from ai_programme_quarterly
group by trimestre
