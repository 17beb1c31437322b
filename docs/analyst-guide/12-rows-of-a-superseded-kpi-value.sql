-- The very rows behind a figure that has since been revised: ECO-02 (offshoring jobs) for 2024 as first published.
-- kpi_source_rows(kpi, period, region, known_at) runs the KPI's own SQL over that vintage's files (from
-- hist_<template>) and returns the rows it used; known_at null gives the current figure.
with first_vintage as (
    select value, known_at
    from kpi_value
    where kpi_id = 'ECO-02' and period = '2024' and region_code = '00'
    order by known_at
    limit 1
)
select
    r.annee,
    r.indicateur,
    r.valeur,
    r.source_cell,
    s.file_name,
    s.is_current,
    first_vintage.value as published_value,
    first_vintage.known_at
from kpi_source_rows('ECO-02', '2024', '00', (select known_at from first_vintage)) r
join submission s on s.submission_id = r.submission_id
cross join first_vintage
order by r.source_row;
