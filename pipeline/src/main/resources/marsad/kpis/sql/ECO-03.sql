-- ECO-03 digital export revenue, bn MAD
-- grain: one national row per year: the reported value of indicateur 'exportations_numeriques', MAD converted to billions
select
    annee::varchar as period,
    make_date(annee, 12, 31) as period_end,
    '00' as region_code,
    sum(valeur) / 1e9 as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_digital_economy_annual
where indicateur = 'exportations_numeriques'
group by annee
