-- Every vintage of a KPI figure: what was published, when it was known and from which files. Here ECO-02 (offshoring
-- jobs) for 2024: the ministry's corrected file replaced its first one, and both figures stay queryable.
select
    v.kpi_id,
    v.period,
    v.value,
    v.known_at,
    v.is_latest_vintage,
    v.submission_ids,
    (select list(s.file_name order by s.file_name) from submission s where list_contains(v.submission_ids, s.submission_id))
        as file_names
from kpi_value v
where v.kpi_id = 'ECO-02' and v.region_code = '00' and v.period = '2024'
order by v.known_at;
