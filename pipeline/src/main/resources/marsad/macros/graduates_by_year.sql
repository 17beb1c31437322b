-- graduates_by_year(fact_table, counted): one row per calendar year of the digital training reports (fact_table),
-- national ('00') and per region, summing diplomes over the rows that pass counted. A year counts once both semesters are reported: a half year is
-- not a yearly figure.
create or replace macro graduates_by_year(fact_table, counted) as table
select
    annee::varchar as period,
    period_end(annee::varchar) as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    sum(diplomes)::double as value,
    string_agg(distinct submission_id, ',') as submission_ids
from query_table(fact_table)
where counted
  and annee in (select annee from query_table(fact_table) group by annee having count(distinct semestre) = 2)
group by grouping sets ((annee), (annee, region_code));
