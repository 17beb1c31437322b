-- National KPIs off track at the last scored period, with their baseline, 2026 milestone and 2030 target.
select
    l.kpi_id,
    c.name_fr,
    l.period,
    l.value,
    c.unit,
    c.baseline_value,
    c.milestone_2026,
    c.target_2030,
    l.trajectory_value as expected_on_trajectory,
    c.target_basis
from kpi_latest l
join kpi_catalogue c using (kpi_id)
where l.region_code = '00' and l.status = 'off_track'
order by l.kpi_id;
