-- The lake snapshot each table was read at, so the next build reads only what changed after it.
create or replace table main.ops_lake_snapshot (table_name varchar, snapshot_id bigint);
