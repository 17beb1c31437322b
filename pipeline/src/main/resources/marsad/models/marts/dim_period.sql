-- grain: one row per period key (day, month, quarter, semester or year)
with typed as (
    select
        period_key,
        case
            when regexp_matches(period_key, '^\d{4}-\d{2}-\d{2}$') then 'day'
            when regexp_matches(period_key, '^\d{4}-\d{2}$') then 'month'
            when regexp_matches(period_key, '^\d{4}-Q[1-4]$') then 'quarter'
            when regexp_matches(period_key, '^\d{4}-S[12]$') then 'semester'
            when regexp_matches(period_key, '^\d{4}$') then 'year'
        end as period_type,
        cast(substr(period_key, 1, 4) as integer) as year
    from int_period_keys
),

bounds as (
    select
        period_key,
        period_type,
        year,
        case period_type
            when 'day' then cast(period_key as date)
            when 'month' then cast(period_key || '-01' as date)
            when 'quarter' then make_date(year, (cast(substr(period_key, 7, 1) as integer) - 1) * 3 + 1, 1)
            when 'semester' then make_date(year, (cast(substr(period_key, 7, 1) as integer) - 1) * 6 + 1, 1)
            when 'year' then make_date(year, 1, 1)
        end as start_date
    from typed
)

select
    period_key,
    period_type,
    start_date,
    cast(case period_type
        when 'day' then start_date
        when 'month' then start_date + interval 1 month - interval 1 day
        when 'quarter' then start_date + interval 3 month - interval 1 day
        when 'semester' then start_date + interval 6 month - interval 1 day
        when 'year' then start_date + interval 1 year - interval 1 day
    end as date) as end_date,
    year
from bounds
order by start_date, period_type
