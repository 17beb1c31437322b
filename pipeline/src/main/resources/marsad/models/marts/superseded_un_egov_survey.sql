-- grain: one row per survey year and country of every superseded or withdrawn UN E-Government Survey file
-- The accepted revisions that are not current: with fct_un_egov_survey, hist_un_egov_survey holds every accepted revision once.
select * replace (
    cast(egdi_rank as integer) as egdi_rank,
    cast(egdi as decimal(18, 5)) as egdi,
    cast(epart as decimal(18, 5)) as epart,
    cast(osi as decimal(18, 5)) as osi,
    cast(hci as decimal(18, 5)) as hci,
    cast(tii as decimal(18, 5)) as tii
)
from lake_superseded_un_egov_survey
