-- grain: one row per e-service (code_service) of every superseded or withdrawn catalogue snapshot
-- The accepted revisions that are not current: with fct_eservices_catalogue, hist_eservices_catalogue holds every accepted revision once.
select *
from lake_superseded_eservices_catalogue
