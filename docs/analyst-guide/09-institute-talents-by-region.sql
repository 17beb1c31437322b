-- People trained by the Al-Jazari institutes (not the partner labs), per region and year.
select
    left(a.trimestre, 4) as year,
    a.region_code,
    r.name_fr as region,
    count(distinct a.code_entite) as institutes,
    sum(a.talents_formes) as talents_trained
from fct_ai_programme_quarterly a
join dim_region r on r.region_code = a.region_code
where a.type_entite = 'institut'
group by all
order by year, region_code;
