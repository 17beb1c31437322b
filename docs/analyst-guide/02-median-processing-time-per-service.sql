-- Median processing time of completed requests, in days, per service (slowest first).
select
    e.service_code,
    s.intitule_fr as service,
    count(*) as completed_requests,
    round(median(epoch(e.completed_at - e.submitted_at) / 86400.0), 2) as median_days
from fct_egov_requests e
left join dim_service s using (service_code)
where e.status = 'completed' and e.completed_at is not null
group by all
order by median_days desc, e.service_code;
