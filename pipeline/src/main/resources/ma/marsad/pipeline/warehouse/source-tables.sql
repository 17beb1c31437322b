-- The build's own inputs besides the lake: the templates and the submitters of the configuration.
create schema src;

create table src.template (
    template_id varchar,
    title_fr varchar,
    title_ar varchar,
    title_en varchar,
    format varchar,
    period_type varchar,
    current_version integer
);

create table src.submitter (submitter_code varchar, name_fr varchar, name_ar varchar);
