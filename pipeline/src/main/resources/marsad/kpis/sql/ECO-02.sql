-- ECO-02 offshoring and outsourcing jobs
-- grain: one national row per year: the reported value of indicateur 'emplois_offshoring'
select
    annee::varchar as period,
    make_date(annee, 12, 31) as period_end,
    '00' as region_code,
    sum(valeur) / 1 as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_digital_economy_annual
where indicateur = 'emplois_offshoring'
group by annee
