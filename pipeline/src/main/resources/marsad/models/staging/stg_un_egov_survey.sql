-- grain: one row per survey year and country of a current UN E-Government Survey file
-- Reads the lake's current partitions of the template; lineage columns come last.
select
    survey_year,
    country,
    -- a rank is an INTEGER wherever it appears (un_egov_scores too); the template's integers are 64-bit
    cast(egdi_rank as integer) as egdi_rank,
    -- exact: the lake keeps a DOUBLE of at most 15 digits, the validator allowed at most 5 decimals
    cast(egdi as decimal(18, 5)) as egdi,
    cast(epart as decimal(18, 5)) as epart,
    cast(osi as decimal(18, 5)) as osi,
    cast(hci as decimal(18, 5)) as hci,
    cast(tii as decimal(18, 5)) as tii,
    region,
    period,
    submitter,
    submission_id,
    source_row,
    source_cell
from lake_un_egov_survey
