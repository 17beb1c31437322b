-- grain: one row per reporting template
select template_id, title_fr, title_ar, title_en, format, period_type, current_version
from src.template
order by template_id
