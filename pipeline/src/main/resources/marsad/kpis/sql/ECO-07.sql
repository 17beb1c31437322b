-- ECO-07 unicorns: startups whose latest known valuation is at least 10 bn MAD (about 1 bn USD)
-- grain: one national row per calendar year with a funding event; the valuation of each startup is its latest
-- reported valuation_mad up to the end of that year.
with valuation as (
    select startup_id, event_date, valuation_mad, submission_id
    from fct_startup_funding
    where valuation_mad is not null
),

year_end as (
    select distinct year(event_date) as year, period_end(year(event_date)::varchar) as period_end
    from fct_startup_funding
),

latest_valuation as (
    select year_end.year, year_end.period_end, valuation.startup_id, valuation.valuation_mad, valuation.submission_id
    from year_end
    join valuation on valuation.event_date <= year_end.period_end
    qualify row_number() over (
        partition by year_end.year, valuation.startup_id
        order by valuation.event_date desc, valuation.valuation_mad desc) = 1
)

select
    year_end.year::varchar as period,
    year_end.period_end,
    '00' as region_code,
    count(latest_valuation.startup_id) filter (where latest_valuation.valuation_mad >= 10e9)::double as value,
    coalesce(string_agg(distinct latest_valuation.submission_id, ','), '') as submission_ids
from year_end
left join latest_valuation on latest_valuation.year = year_end.year
group by year_end.year, year_end.period_end
