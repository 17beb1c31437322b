-- un_egov_scores when the warehouse has no fct_un_egov_survey table: same columns, no rows.
create or replace table un_egov_scores (
    survey_year integer,
    country varchar,
    egdi_published decimal(18, 5),
    egdi_computed double,
    egdi_rank_published integer,
    egdi_rank_computed integer,
    osi_published decimal(18, 5),
    osi_rank_computed integer,
    differs boolean
)
