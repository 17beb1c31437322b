-- Every vintage of a KPI figure: what was published, and when it was known. Here ECO-02 (direct digital jobs) for
-- 2024: the ministry's corrected file replaced its first one, and both figures stay queryable.
select
    v.kpi_id,
    v.period,
    v.value,
    v.known_at,
    v.is_latest_vintage,
    v.submission_ids
from kpi_value v
where v.kpi_id = 'ECO-02' and v.region_code = '00' and v.period = '2024'
order by v.known_at;
