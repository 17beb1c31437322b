-- period_end(period_key): the last day of a period key ('2026', '2026-S1', '2026-Q3', '2026-11', '2026-11-28'), where
-- a value is dated; null for any other text. ma.marsad.pipeline.kpi.PeriodKeys is the same rule in Java.
create or replace macro period_end(period_key) as (
    case
        when regexp_full_match(period_key, '\d{4}') then make_date(period_key::integer, 12, 31)
        when regexp_full_match(period_key, '\d{4}-S[12]')
            then last_day(make_date(left(period_key, 4)::integer, right(period_key, 1)::integer * 6, 1))
        when regexp_full_match(period_key, '\d{4}-Q[1-4]')
            then last_day(make_date(left(period_key, 4)::integer, right(period_key, 1)::integer * 3, 1))
        when regexp_full_match(period_key, '\d{4}-\d{2}')
            then last_day(make_date(left(period_key, 4)::integer, right(period_key, 2)::integer, 1))
        when regexp_full_match(period_key, '\d{4}-\d{2}-\d{2}') then period_key::date
    end
);
