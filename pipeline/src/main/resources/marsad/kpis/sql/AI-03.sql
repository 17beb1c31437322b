-- AI-03 regions with an operational Al-Jazari institute (of 12)
-- grain: one national row per quarter: distinct region_code of institutes reported operational that quarter
select
    trimestre as period,
    period_end(trimestre) as period_end,
    '00' as region_code,
    count(distinct region_code) filter (where type_entite = 'institut' and statut_operationnel = 'oui')::double as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_ai_programme_quarterly
group by trimestre
