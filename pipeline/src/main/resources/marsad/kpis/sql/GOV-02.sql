-- GOV-02 budget execution rate of AI programme entities, %
-- grain: one row per quarter, national ('00') and per region; quarters without committed budget have no value
select
    trimestre as period,
    period_end(trimestre) as period_end,
    case when grouping(region_code) = 1 then '00' else region_code end as region_code,
    100.0 * sum(budget_execute_mad) / sum(budget_engage_mad) as value,
    string_agg(distinct submission_id, ',') as submission_ids
from fct_ai_programme_quarterly
group by grouping sets ((trimestre), (trimestre, region_code))
having sum(budget_engage_mad) > 0
