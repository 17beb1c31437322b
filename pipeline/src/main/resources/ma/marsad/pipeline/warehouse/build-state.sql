-- How a warehouse file was built (full or incremental, and why), and which submissions changed since the last build.
create or replace table main.ops_build_state (
    mode varchar,
    reason varchar,
    definitions_fingerprint varchar,
    as_of date,
    previous_as_of date
);

create or replace table main.ops_build_change (submission_id varchar, change varchar);
