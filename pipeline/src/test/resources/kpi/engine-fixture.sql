-- A small warehouse for KpiEngineTests: a few hand-made rows per fact table of the contract.
insert into submission (submission_id, template_id, submitter, period, status, file_name, received_at, valid_from, valid_to, is_current) values
    ('sha-eco-2023-mef', 'digital-economy-annual', 'MEF', '2023', 'accepted', 'eco-2023.csv', '2024-03-01 10:00:00', '2024-03-01 10:00:00', null, true),
    ('sha-eco-2024-mef-v1', 'digital-economy-annual', 'MEF', '2024', 'accepted', 'eco-2024.csv', '2025-03-01 10:00:00', '2025-03-01 10:00:00', '2025-06-01 10:00:00', false),
    ('sha-eco-2024-mef-v2', 'digital-economy-annual', 'MEF', '2024', 'accepted', 'eco-2024-rev.csv', '2025-06-01 10:00:00', '2025-06-01 10:00:00', null, true),
    ('sha-eco-2024-mtnra', 'digital-economy-annual', 'MTNRA', '2024', 'accepted', 'eco-2024.csv', '2025-04-01 10:00:00', '2025-04-01 10:00:00', null, true),
    ('sha-tel-q1', 'telecom-quarterly', 'ANRT', '2024-Q1', 'accepted', 't1.xlsx', '2024-05-15 09:00:00', '2024-05-15 09:00:00', null, true),
    ('sha-tel-q2', 'telecom-quarterly', 'ANRT', '2024-Q2', 'accepted', 't2.xlsx', '2024-08-15 09:00:00', '2024-08-15 09:00:00', null, true),
    ('sha-req', 'egov-requests', 'ADD', '2026-11-03', 'accepted', 'requests.csv', '2026-11-04 01:00:00', '2026-11-04 01:00:00', null, true),
    ('sha-un-2022', 'un-egov-survey', 'UNDESA', '2022', 'accepted', 'un2022.csv', '2022-10-01 08:00:00', '2022-10-01 08:00:00', null, true),
    ('sha-cat', 'eservices-catalogue', 'MTNRA', '2026-09-30', 'accepted', 'catalogue.xlsx', '2026-10-02 08:00:00', '2026-10-02 08:00:00', null, true),
    ('sha-train-ofppt', 'digital-training', 'OFPPT', '2026-S1', 'accepted', 'ofppt.csv', '2026-07-10 08:00:00', '2026-07-10 08:00:00', null, true),
    ('sha-train-um5', 'digital-training', 'UM5', '2026-S1', 'accepted', 'um5.csv', '2026-07-11 08:00:00', '2026-07-11 08:00:00', null, true),
    ('sha-fund-02', 'startup-funding', 'ADD', '2024-02', 'accepted', 'f02.json', '2024-03-05 08:00:00', '2024-03-05 08:00:00', null, true),
    ('sha-fund-05', 'startup-funding', 'ADD', '2024-05', 'accepted', 'f05.json', '2024-06-05 08:00:00', '2024-06-05 08:00:00', null, true),
    ('sha-ai-root', 'ai-programme-quarterly', 'JAZARI-ROOT', '2026-Q1', 'accepted', 'root.xlsx', '2026-04-10 08:00:00', '2026-04-10 08:00:00', null, true),
    ('sha-ai-lab', 'ai-programme-quarterly', 'MISTRAL-LAB', '2026-Q1', 'accepted', 'lab.json', '2026-04-11 08:00:00', '2026-04-11 08:00:00', null, true),
    ('sha-budget', 'digital-economy-annual', 'MTNRA', '2025', 'accepted', 'budget.csv', '2026-02-01 08:00:00', '2026-02-01 08:00:00', null, true);

-- ECO-02 (MEF authoritative): 130 000 in 2023; 2024 first sent as 140 000 then revised to 150 000; MTNRA says 155 000.
-- GOV-01 (MTNRA authoritative): 3 bn MAD executed in 2025.
insert into fct_digital_economy_annual values
    (2023, 'emplois_offshoring', 130000, 'emplois', null, '2023', 'MEF', 'sha-eco-2023-mef', 1, 'line 2, column 3'),
    (2024, 'emplois_offshoring', 150000, 'emplois', null, '2024', 'MEF', 'sha-eco-2024-mef-v2', 1, 'line 2, column 3'),
    (2024, 'emplois_offshoring', 155000, 'emplois', null, '2024', 'MTNRA', 'sha-eco-2024-mtnra', 1, 'line 2, column 3'),
    (2025, 'budget_programme_execute', 3000000000, 'MAD', null, '2025', 'MTNRA', 'sha-budget', 1, 'line 2, column 3');
insert into hist_digital_economy_annual select * from fct_digital_economy_annual;
insert into hist_digital_economy_annual values
    (2024, 'emplois_offshoring', 140000, 'emplois', null, '2024', 'MEF', 'sha-eco-2024-mef-v1', 1, 'line 2, column 3');

-- CON-03 Internet penetration above 100 %
insert into fct_telecom_quarterly values
    ('2024-Q1', 'taux_penetration_internet', 'TOUS', 103.45, 'pourcentage', '2024-Q1', 'ANRT', 'sha-tel-q1', 1, 'Indicateurs!D4'),
    ('2024-Q2', 'taux_penetration_internet', 'TOUS', 105.2, 'pourcentage', '2024-Q2', 'ANRT', 'sha-tel-q2', 1, 'Indicateurs!D4');

-- EGOV-03/04/05: four requests in November 2026, regions 01 and 06
insert into fct_egov_requests values
    ('R1', 'DGI-001', '01', 'web', '2026-11-03 09:00:00', '2026-11-05 09:00:00', 'completed', 5, '2026-11-03', 'ADD', 'sha-req', 1, 'line 2, column 1'),
    ('R2', 'DGI-001', '01', 'counter', '2026-11-03 10:00:00', null, 'submitted', 3, '2026-11-03', 'ADD', 'sha-req', 2, 'line 3, column 1'),
    ('R3', 'DGI-002', '06', 'mobile', '2026-11-03 11:00:00', '2026-11-07 11:00:00', 'completed', null, '2026-11-03', 'ADD', 'sha-req', 3, 'line 4, column 1'),
    ('R4', 'DGI-002', '06', 'web', '2026-11-03 12:00:00', null, 'in_progress', null, '2026-11-03', 'ADD', 'sha-req', 4, 'line 5, column 1');

-- UN survey 2022: Morocco (name with a trailing space) ties with Zed on OSI
insert into fct_un_egov_survey values
    (2022, 'Aland', 1, 0.9, 0.8, 0.95, 0.9, 0.85, null, '2022', 'UNDESA', 'sha-un-2022', 1, 'line 2, column 2'),
    (2022, 'Morocco ', 2, 0.5915, 0.2727, 0.4721, 0.635, 0.6676, null, '2022', 'UNDESA', 'sha-un-2022', 2, 'line 3, column 2'),
    (2022, 'Zed', 3, 0.5, 0.1, 0.4721, 0.5, 0.5279, null, '2022', 'UNDESA', 'sha-un-2022', 3, 'line 4, column 2');

-- EGOV-01/02: catalogue snapshot of 2026-09-30 with levels 4, 3 and 1
insert into fct_eservices_catalogue values
    ('DGI-001', 'Déclaration', 'تصريح', 'DGI', 'entreprises', 4, null, '2026-09-30', '2026-09-30', 'MTNRA', 'sha-cat', 1, 'Services!A2'),
    ('DGI-002', 'Attestation', 'شهادة', 'DGI', 'citoyens', 3, null, '2026-09-30', '2026-09-30', 'MTNRA', 'sha-cat', 2, 'Services!A3'),
    ('MJ-001', 'Casier', 'سجل', 'MJ', 'citoyens', 1, null, '2026-09-30', '2026-09-30', 'MTNRA', 'sha-cat', 3, 'Services!A4');

-- TAL-*: 100 digital graduates (40 women) in region 01, 50 AI reconversion graduates (25 women) in region 04
insert into fct_digital_training values
    (2026, 'S1', '01', 'OFPPT', 'Digital', 'numerique', 'initiale', 120, 100, 40, '2026-S1', 'OFPPT', 'sha-train-ofppt', 1, 'line 2, column 9'),
    (2026, 'S1', '04', 'UM5', 'IA', 'ia', 'reconversion', 60, 50, 25, '2026-S1', 'UM5', 'sha-train-um5', 1, 'line 2, column 9'),
    (2026, 'S2', '01', 'OFPPT', 'Digital', 'numerique', 'initiale', 40, 30, 10, '2026-S2', 'OFPPT', 'sha-train-ofppt-s2', 1, 'line 2, column 9');

-- ECO-05/06/07: startup A funded in February 2024, startup B (valued 12 bn MAD) in May 2024
insert into fct_startup_funding values
    ('E1', 'A', 'Alpha', '06', 'fintech', 'seed', null, 5000000, '2024-02-10', null, '2024-02', 'ADD', 'sha-fund-02', 1, '/0/amount_mad'),
    ('E2', 'B', 'Beta', '04', 'ai', 'growth', null, 2000000, '2024-05-01', 12000000000, '2024-05', 'ADD', 'sha-fund-05', 1, '/0/amount_mad');

-- AI-*, GOV-02: one operational institute in region 06 and the joint lab in region 04
insert into fct_ai_programme_quarterly values
    ('2026-Q1', 'JAZARI-ROOT', 'institut', '06', 100, 2, 5, 1, 10, 1000000, 500000, 'oui', '2026-Q1', 'JAZARI-ROOT', 'sha-ai-root', 1, 'KPI!A2'),
    ('2026-Q1', 'MISTRAL-LAB', 'laboratoire', '04', 20, 1, 0, 3, 4, 1000000, 1000000, 'oui', '2026-Q1', 'MISTRAL-LAB', 'sha-ai-lab', 1, '/0/ateliers');
