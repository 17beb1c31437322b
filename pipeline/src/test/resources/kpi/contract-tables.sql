-- The warehouse contract's tables a KPI engine reads, as the warehouse builder creates them (empty).
create table submission (
    submission_id varchar, template_id varchar, submitter varchar, period varchar, status varchar, file_name varchar,
    rows_read bigint, rows_accepted bigint, rows_quarantined bigint, file_error_code varchar,
    file_error_message varchar, received_at timestamptz, valid_from timestamptz, valid_to timestamptz, is_current boolean,
    feedback_path varchar
);
create table fct_egov_requests (
    request_id varchar, service_code varchar, region_code varchar, channel varchar, submitted_at timestamp,
    completed_at timestamp, status varchar, satisfaction bigint,
    period varchar, submitter varchar, submission_id varchar, source_row bigint, source_cell varchar
);
create table fct_eservices_catalogue (
    code_service varchar, intitule_fr varchar, intitule_ar varchar, code_ministere varchar, public_cible varchar,
    niveau_digitalisation bigint, date_mise_en_ligne date, date_situation date,
    period varchar, submitter varchar, submission_id varchar, source_row bigint, source_cell varchar
);
create table fct_telecom_quarterly (
    trimestre varchar, indicateur varchar, operateur varchar, valeur double, unite varchar,
    period varchar, submitter varchar, submission_id varchar, source_row bigint, source_cell varchar
);
create table fct_digital_training (
    annee integer, semestre varchar, region_code varchar, operateur varchar, programme varchar, filiere varchar,
    type_formation varchar, inscrits bigint, diplomes bigint, dont_femmes bigint,
    period varchar, submitter varchar, submission_id varchar, source_row bigint, source_cell varchar
);
create table fct_startup_funding (
    event_id varchar, startup_id varchar, startup_name varchar, region_code varchar, sector varchar, stage varchar,
    programme varchar, amount_mad double, event_date date, valuation_mad double,
    period varchar, submitter varchar, submission_id varchar, source_row bigint, source_cell varchar
);
create table fct_ai_programme_quarterly (
    trimestre varchar, code_entite varchar, type_entite varchar, region_code varchar, talents_formes bigint,
    projets_pilotes_lances bigint, startups_accompagnees bigint, ateliers bigint, chercheurs bigint,
    budget_engage_mad double, budget_execute_mad double, statut_operationnel varchar,
    period varchar, submitter varchar, submission_id varchar, source_row bigint, source_cell varchar
);
create table fct_digital_economy_annual (
    annee integer, indicateur varchar, valeur double, unite varchar, source varchar,
    period varchar, submitter varchar, submission_id varchar, source_row bigint, source_cell varchar
);
create table fct_un_egov_survey (
    survey_year integer, country varchar, egdi_rank bigint, egdi double, epart double, osi double, hci double,
    tii double, region varchar,
    period varchar, submitter varchar, submission_id varchar, source_row bigint, source_cell varchar
);
create table hist_digital_economy_annual as select * from fct_digital_economy_annual;
-- history as the models publish it: the current rows and the superseded ones
create table superseded_egov_requests as select * from fct_egov_requests;
create view hist_egov_requests as select * from fct_egov_requests union all by name select * from superseded_egov_requests;
