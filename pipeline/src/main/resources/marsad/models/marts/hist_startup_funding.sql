-- grain: one row per funding event (event_id) of every accepted monthly submission (current and superseded revisions)
select * replace (
    cast(amount_mad as decimal(18, 2)) as amount_mad,
    cast(valuation_mad as decimal(18, 2)) as valuation_mad
)
from lake_hist_startup_funding
