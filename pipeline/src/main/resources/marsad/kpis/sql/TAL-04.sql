-- TAL-04 graduates trained in AI since 2026-01-01 (cumulative)
-- grain: one row per semester with AI graduates reported, national ('00') and per region; each semester sums
-- the AI graduates of every semester from 2026-S1 up to it.
select period, period_end, region_code, value, submission_ids
from running_total(
    'fct_digital_training',
    annee || '-' || semestre,
    diplomes,
    counted := filiere = 'ia' and annee >= 2026)
