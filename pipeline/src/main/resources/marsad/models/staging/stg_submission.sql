-- grain: one row per submission (a file or a set of parts, identified by its SHA-256)
select *
from src.submission
