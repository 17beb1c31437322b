-- The files and rows behind one published KPI figure: here EGOV-03 (share of requests submitted online), national,
-- for October 2026. kpi_score.submission_ids lists the submissions the figure was computed from; joining them to the
-- KPI's source table and applying the KPI's own filter (its .sql file under kpis/sql/) gives the very rows.
with figure as (
    select value, string_split(submission_ids, ',') as ids
    from kpi_score
    where kpi_id = 'EGOV-03' and region_code = '00' and period = '2026-10'
)
select
    s.file_name,
    s.submitter,
    s.received_at,
    count(*) as source_rows,
    count(*) filter (where e.channel in ('web', 'mobile')) as online_rows,
    any_value(figure.value) as published_value
from figure
join fct_egov_requests e on list_contains(figure.ids, e.submission_id)
join submission s on s.submission_id = e.submission_id
where strftime(e.submitted_at, '%Y-%m') = '2026-10'
group by all
order by s.received_at, s.file_name;
