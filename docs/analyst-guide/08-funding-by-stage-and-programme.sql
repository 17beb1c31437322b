-- Start-up funding events and amounts by stage and by support programme (the template has no instrument column:
-- the programme is the closest grouping), in millions of dirhams.
select
    stage,
    coalesce(programme, '(none)') as programme,
    count(*) as events,
    round(sum(amount_mad) / 1e6, 1) as amount_mad_millions
from fct_startup_funding
group by all
order by stage, programme;
