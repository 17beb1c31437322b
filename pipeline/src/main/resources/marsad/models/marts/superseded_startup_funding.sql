-- grain: one row per funding event (event_id) of every superseded or withdrawn monthly submission
-- The accepted revisions that are not current: with fct_startup_funding, hist_startup_funding holds every accepted revision once.
select * replace (
    cast(amount_mad as decimal(18, 2)) as amount_mad,
    cast(valuation_mad as decimal(18, 2)) as valuation_mad
)
from lake_superseded_startup_funding
