-- The files and rows behind one published KPI figure: here EGOV-03 (share of requests submitted online), national,
-- for October 2026. kpi_lineage names each submission the figure used and how many of its rows; kpi_source_rows
-- returns those rows themselves (any template column, source_row, source_cell), here counted by channel.
with used as (
    select submission_id, count(*) as rows_returned, count(*) filter (where channel in ('web', 'mobile')) as online_rows
    from kpi_source_rows('EGOV-03', '2026-10', '00', null)
    group by submission_id
)
select
    s.file_name,
    s.submitter,
    s.received_at,
    l.source_rows,
    used.rows_returned,
    used.online_rows,
    k.value as published_value
from kpi_lineage l
join kpi_score k on k.kpi_id = l.kpi_id and k.period = l.period and k.region_code = l.region_code
join submission s on s.submission_id = l.submission_id
join used on used.submission_id = l.submission_id
where l.kpi_id = 'EGOV-03' and l.region_code = '00' and l.period = '2026-10' and l.is_latest_vintage
order by s.received_at, s.file_name;
