-- TAL-04 graduates trained in AI since 2026-01-01 (cumulative)
-- grain: one row per semester with AI graduates reported, national ('00') and per region; each semester sums
-- the AI graduates of every semester from 2026-S1 up to it.
with semester_total as (
    select
        annee || '-' || semestre as period,
        case when semestre = 'S1' then make_date(annee, 6, 30) else make_date(annee, 12, 31) end as period_end,
        region_code,
        diplomes,
        submission_id
    from fct_digital_training
    where filiere = 'ia' and annee >= 2026
),

semester as (
    select distinct period, period_end from semester_total
)

select
    semester.period,
    semester.period_end,
    case when grouping(semester_total.region_code) = 1 then '00' else semester_total.region_code end as region_code,
    sum(semester_total.diplomes)::double as value,
    string_agg(distinct semester_total.submission_id, ',') as submission_ids
from semester
join semester_total on semester_total.period_end <= semester.period_end
group by grouping sets ((semester.period, semester.period_end), (semester.period, semester.period_end, semester_total.region_code))
