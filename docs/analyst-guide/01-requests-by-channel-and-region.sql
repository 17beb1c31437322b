-- Requests received by the e-services platform in a quarter, by region and channel.
-- Change the two dates for another quarter; submitted_at is the request's local time.
select
    r.region_code,
    r.name_fr as region,
    e.channel,
    count(*) as requests
from fct_egov_requests e
join dim_region r using (region_code)
where e.submitted_at >= timestamp '2026-07-01' and e.submitted_at < timestamp '2026-10-01'
group by all
order by r.region_code, e.channel;
