-- grain: one row per period key at every grain (day, month, quarter, semester, year), from the first year any submission names to the end of the as-of year
with bounds as (
    select
        make_date(cast(min(substr(k.period_key, 1, 4)) as integer), 1, 1) as first_day,
        make_date(greatest(cast(max(substr(k.period_key, 1, 4)) as integer), year(any_value(b.as_of))), 12, 31)
            as last_day
    from int_period_keys as k, src.build as b
),

days as (
    select cast(unnest(generate_series(
        cast(first_day as timestamp), cast(last_day as timestamp), interval 1 day)) as date) as day
    from bounds
),

keyed as (
    select
        day,
        strftime(day, '%Y-%m-%d') as day_key,
        strftime(day, '%Y-%m') as month_key,
        year(day) || '-Q' || quarter(day) as quarter_key,
        year(day) || '-S' || (case when month(day) <= 6 then 1 else 2 end) as semester_key,
        cast(year(day) as varchar) as year_key
    from days
),

periods as (
    select
        day_key as period_key, 'day' as period_type, 1 as grain_rank, min(day) as start_date,
        period_end(day_key) as end_date
    from keyed group by day_key
    union all
    select month_key, 'month', 2, min(day), period_end(month_key) from keyed group by month_key
    union all
    select quarter_key, 'quarter', 3, min(day), period_end(quarter_key) from keyed group by quarter_key
    union all
    select semester_key, 'semester', 4, min(day), period_end(semester_key) from keyed group by semester_key
    union all
    select year_key, 'year', 5, min(day), period_end(year_key) from keyed group by year_key
),

-- the containing period at each grain: the key of the grain itself or coarser, null for a finer grain
parents as (
    select
        p.period_key,
        p.period_type,
        p.start_date,
        p.end_date,
        cast(year(p.start_date) as integer) as year,
        month(p.start_date) as month,
        quarter(p.start_date) as quarter,
        case when month(p.start_date) <= 6 then 1 else 2 end as semester,
        case when p.grain_rank <= 2 then k.month_key end as month_key,
        case when p.grain_rank <= 3 then k.quarter_key end as quarter_key,
        case when p.grain_rank <= 4 then k.semester_key end as semester_key,
        k.year_key
    from periods as p
    join keyed as k on k.day = p.start_date
),

words as (
    select
        ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre',
            'novembre', 'décembre'] as months_fr,
        ['يناير', 'فبراير', 'مارس', 'أبريل', 'ماي', 'يونيو', 'يوليوز', 'غشت', 'شتنبر', 'أكتوبر', 'نونبر', 'دجنبر']
            as months_ar,
        ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October',
            'November', 'December'] as months_en,
        ['الأول', 'الثاني', 'الثالث', 'الرابع'] as ordinals_ar
)

select
    period_key,
    period_type,
    start_date,
    end_date,
    year,
    month_key,
    quarter_key,
    semester_key,
    year_key,
    case period_type
        when 'day' then (case day(start_date) when 1 then '1er' else cast(day(start_date) as varchar) end)
            || ' ' || months_fr[month] || ' ' || year
        when 'month' then months_fr[month] || ' ' || year
        when 'quarter' then 'T' || quarter || ' ' || year
        when 'semester' then 'S' || semester || ' ' || year
        else cast(year as varchar)
    end as label_fr,
    case period_type
        when 'day' then day(start_date) || ' ' || months_ar[month] || ' ' || year
        when 'month' then months_ar[month] || ' ' || year
        when 'quarter' then 'الربع ' || ordinals_ar[quarter] || ' ' || year
        when 'semester' then 'الأسدس ' || ordinals_ar[semester] || ' ' || year
        else cast(year as varchar)
    end as label_ar,
    case period_type
        when 'day' then day(start_date) || ' ' || months_en[month] || ' ' || year
        when 'month' then months_en[month] || ' ' || year
        when 'quarter' then 'Q' || quarter || ' ' || year
        when 'semester' then 'H' || semester || ' ' || year
        else cast(year as varchar)
    end as label_en
from parents, words
order by start_date, period_type
