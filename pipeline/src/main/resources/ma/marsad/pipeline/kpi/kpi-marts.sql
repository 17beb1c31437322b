-- The KPI marts, recreated on every run so that scoring twice gives the same tables.
-- Filled with DuckDB's Appender by KpiMartWriter; column order matters.

-- grain: one row per KPI
create or replace table kpi_catalogue (
    kpi_id varchar,
    pillar varchar,
    name_fr varchar,
    name_ar varchar,
    name_en varchar,
    unit varchar,
    direction varchar,
    frequency varchar,
    source_template varchar,
    definition varchar,
    aggregation varchar,
    has_regions boolean,
    baseline_period varchar,
    baseline_value double,
    baseline_observed boolean,
    milestone_2026 double,
    target_2030 double,
    target_relative double,
    target_basis varchar,
    target_source varchar,
    trajectory varchar,
    authoritative_submitter varchar,
    -- what the status is measured against: the 2030 target, else the 2026 milestone; null without either
    scoring_target double,
    scoring_target_date date,
    scoring_target_kind varchar,
    -- the target is not beyond the baseline (e.g. 100 % at both): the status says whether it is held
    target_held_since_baseline boolean,
    definition_fr varchar,
    definition_ar varchar,
    target_basis_fr varchar,
    target_basis_ar varchar
);

-- grain: one row per KPI, period, region and vintage (a distinct published figure)
create or replace table kpi_value (
    kpi_id varchar,
    period varchar,
    period_end date,
    region_code varchar,
    value double,
    known_at timestamptz,
    is_latest_vintage boolean,
    -- appended as comma-separated text, made lists by kpi-lists.sql
    submission_ids varchar,
    source_rows varchar
);

-- grain: one row per KPI, period and region of the latest vintage; one no_data row for a KPI without data
create or replace table kpi_score (
    kpi_id varchar,
    period varchar,
    period_end date,
    region_code varchar,
    value double,
    unit varchar,
    progress double,
    progress_clipped double,
    trajectory_value double,
    status varchar,
    required_growth double,
    observed_growth double,
    forecast_2030 double,
    progress_gap double,
    known_at timestamptz,
    submission_ids varchar,
    -- false for a period still running at the as-of date: status provisional, never the KPI's status
    period_complete boolean
);

-- grain: one row per KPI, period and non-authoritative submitter reporting the same national figure
create or replace table reconciliation (
    kpi_id varchar,
    period varchar,
    submitter varchar,
    value double,
    authoritative_value double,
    difference double
);
