-- indicator_total(fact_table, period_key, indicator_name, counted := true): one national row per period key of
-- fact_table, summing valeur (as reported, the KPI's query turns it into the KPI's unit) over its rows of indicateur
-- indicator_name that pass counted. For the KPIs that publish one reported indicator.
create or replace macro indicator_total(fact_table, period_key, indicator_name, counted := true) as table
select
    period_key as period,
    period_end(period_key) as period_end,
    '00' as region_code,
    sum(valeur) as reported,
    string_agg(distinct submission_id, ',') as submission_ids
from query_table(fact_table)
where indicateur = indicator_name and counted
group by period_key;
