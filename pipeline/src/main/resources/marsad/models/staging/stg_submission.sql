-- grain: one row per submission (a file or a set of parts, identified by its SHA-256)
-- src.submission has the lake's column names (SubmissionColumns); the warehouse has always said file_name
-- submissions ingested before templates had versions were of version 1
select * replace (cast(coalesce(template_version, 1) as integer) as template_version) rename (file_names as file_name)
from src.submission
