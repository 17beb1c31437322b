-- A small published warehouse: the tables of the warehouse contract the dashboards read, hand-made values.
create table kpi_catalogue (kpi_id varchar, pillar varchar, name_fr varchar, name_ar varchar, name_en varchar, unit varchar,
  direction varchar, frequency varchar, source_template varchar, definition varchar, aggregation varchar, has_regions boolean,
  baseline_period varchar, baseline_value double, baseline_observed boolean, milestone_2026 double, target_2030 double,
  target_relative double, target_basis varchar, target_source varchar, trajectory varchar, authoritative_submitter varchar,
  scoring_target double, scoring_target_date date, scoring_target_kind varchar, target_held_since_baseline boolean,
  definition_fr varchar, definition_ar varchar, target_basis_fr varchar, target_basis_ar varchar);
insert into kpi_catalogue values
 ('EGOV-01','egov','Services publics en ligne (transactionnels ou plus)','الخدمات العمومية المتاحة عبر الإنترنت','E-services available online','services','up','quarterly','eservices-catalogue','count of services with niveau_digitalisation >= 3','count',false,null,null,false,null,600,null,'press; target year uncertain','afrique-sur7.fr; nexgenmag.com/?p=4182','linear','MTNRA',600,'2030-12-31','target_2030',false,'Services publics en ligne de niveau transactionnel ou plus','الخدمات العمومية عبر الإنترنت من المستوى التفاعلي فما فوق','presse ; année cible incertaine','الصحافة؛ سنة الهدف غير مؤكدة'),
 ('EGOV-06','egov','Rang mondial à l''indice des services en ligne (ONU)','الترتيب العالمي في مؤشر الخدمات الإلكترونية (الأمم المتحدة)','UN Online Services Index world rank','rank of 193','down','biennial','un-egov-survey','competition rank of OSI','rank',false,'2022',113,true,null,50,null,'official target as reported by the press','theafrica.co.za; UN E-Government Survey data 2022/2024','linear','UNDESA',50,'2030-12-31','target_2030',false,'Rang du Maroc à l''indice des services en ligne de l''ONU','رتبة المغرب في مؤشر الخدمات الإلكترونية للأمم المتحدة','cible officielle rapportée par la presse','هدف رسمي حسب الصحافة'),
 ('ECO-03','economy','Recettes d''exportation du numérique','عائدات الصادرات الرقمية','Digital export revenue','bn MAD','up','annual','digital-economy-annual','value of exportations_numeriques','value',false,'2023',17.9,true,25,40,null,'press','lematin.ma; fnh.ma','linear','ODC',40,'2030-12-31','target_2030',false,'Recettes d''exportation du numérique, en milliards de dirhams','عائدات صادرات القطاع الرقمي بملايير الدراهم','presse','الصحافة'),
 ('TAL-01','talent','Jeunes formés aux métiers du numérique par an','الشباب المكونون في المهن الرقمية سنويا','Young people trained in digital skills per year','people per year','up','annual','digital-training','sum of diplomes over the calendar year','sum',true,'2022',14000,true,null,100000,null,'press','lnt.ma; fnh.ma','geometric',null,100000,'2030-12-31','target_2030',false,'Diplômés des formations au numérique sur l''année civile','خريجو التكوينات الرقمية خلال السنة الميلادية','presse','الصحافة'),
 ('CON-07','connectivity','Individus utilisant Internet','الأفراد المستخدمون للإنترنت','Individuals using the Internet','% of population','up','annual',null,'no reporting template yet','value',false,'2022',89.9,true,null,null,null,'tracked (external statistic)','Our World in Data / World Bank','linear',null,null,null,null,false,'Valeur publiée pour le Maroc ; pas encore de modèle de rapport','القيمة المنشورة بالنسبة للمغرب؛ لا يوجد نموذج تقرير بعد','suivi (statistique externe)','تتبع (إحصاء خارجي)'),
 ('AI-03','ai','Régions dotées d''un Institut Al-Jazari opérationnel','الجهات المتوفرة على معهد الجزري عامل','Regions with an operational Al-Jazari institute','regions of 12','up','quarterly','ai-programme-quarterly','distinct region_code with an operational institute','count',false,'2025',1,true,null,12,null,'press (year uncertain)','iafrica.com','linear',null,12,'2030-12-31','target_2030',false,'Régions dotées d''un institut opérationnel','الجهات المتوفرة على معهد عامل','presse (année incertaine)','الصحافة (السنة غير مؤكدة)'),
 ('GOV-09','governance','=1+1 Taux de rapports complets','=1+1 نسبة التقارير الكاملة','=1+1 Complete reports rate','%','up','monthly','pipeline','complete reports / reports x 100','ratio',false,null,null,false,null,null,null,'tracked',null,'linear',null,null,null,null,false,'Rapports complets rapportés aux rapports','التقارير الكاملة مقارنة بالتقارير','suivi','تتبع'),
 ('TAL-04','talent','Diplômés formés à l''IA (cumul)','الخريجون المكونون في الذكاء الاصطناعي (تراكمي)','Graduates trained in AI (cumulative)','people','up','semiannual','digital-training','sum of diplomes with filiere = ia since 2026-01-01','cumulative_sum',false,'2026-S1',8255,true,null,200000,null,'press (Morocco AI 2030)','iafrica.com 2026-01-16','linear',null,200000,'2030-12-31','target_2030',false,'Diplômés de la filière intelligence artificielle depuis le 1er janvier 2026, cumulés','خريجو شعبة الذكاء الاصطناعي منذ فاتح يناير 2026، تراكميا','presse (Maroc IA 2030)','الصحافة (المغرب للذكاء الاصطناعي 2030)'),
 ('GOV-03','governance','Rapports reçus à temps','التقارير المتوصل بها في الآجال','Reports received on time','%','up','monthly','submission-calendar','reports received by their due date / reports due x 100','ratio',false,'2024',100,false,null,100,null,'tracked','Marsad submission calendar','linear',null,100,'2030-12-31','target_2030',true,'Rapports reçus avant leur date limite, rapportés aux rapports dus','التقارير المتوصل بها قبل أجلها مقارنة بالتقارير المستحقة','proposée','مقترح'),
 ('CON-05','connectivity','Sites 5G en service','مواقع الجيل الخامس العاملة','5G sites in service','sites','up','quarterly','telecom-quarterly','sum of sites_5g','sum',false,'2025-Q4',5000,true,6300,null,null,'press (2026 milestone)','anrt.ma','linear',null,6300,'2026-12-31','milestone_2026',false,'Sites publics raccordés à la fibre','المواقع العمومية المربوطة بالألياف البصرية','presse (jalon 2026)','الصحافة (مرحلة 2026)');

create table kpi_value (kpi_id varchar, period varchar, period_end date, region_code varchar, value double, known_at timestamp,
  is_latest_vintage boolean, submission_ids varchar);
insert into kpi_value values
 ('EGOV-01','2025-Q4','2025-12-31','00',380,'2026-01-20 09:00:00',true,'e1'),
 ('EGOV-01','2026-Q1','2026-03-31','00',420,'2026-04-18 09:00:00',true,'e2'),
 ('EGOV-01','2026-Q2','2026-06-30','00',450,'2026-07-15 09:00:00',false,'e3'),
 ('EGOV-01','2026-Q2','2026-06-30','00',455,'2026-08-02 10:30:00',true,'e4'),
 ('EGOV-01','2026-Q3','2026-09-30','00',500,'2026-10-16 08:00:00',true,'e5'),
 ('EGOV-06','2022','2022-12-31','00',113,'2026-01-05 12:00:00',true,'u1'),
 ('EGOV-06','2024','2024-12-31','00',100,'2026-01-05 12:00:00',true,'u1'),
 ('ECO-03','2023','2023-12-31','00',17.9,'2026-03-01 12:00:00',true,'m1'),
 ('ECO-03','2024','2024-12-31','00',19.0,'2026-03-01 12:00:00',true,'m1'),
 ('ECO-03','2025','2025-12-31','00',20.1,'2026-03-01 12:00:00',true,'m1'),
 ('TAL-01','2024','2024-12-31','00',22000,'2026-02-10 12:00:00',true,'t1'),
 ('TAL-01','2025','2025-12-31','00',30000,'2026-02-10 12:00:00',true,'t1,t2'),
 ('AI-03','2026-Q2','2026-06-30','00',3,'2026-07-10 12:00:00',true,'a1'),
 ('AI-03','2026-Q3','2026-09-30','00',4,'2026-10-10 12:00:00',true,'a2'),
 ('GOV-09','2026-10','2026-10-31','00',87.5,'2026-11-01 00:00:00',true,''),
 ('TAL-04','2026-S1','2026-06-30','00',8255,'2026-07-20 12:00:00',true,'t1'),
 ('TAL-04','2026-S2','2026-12-31','00',9100,'2026-11-20 12:00:00',true,'t1'),
 ('GOV-03','2026-10','2026-10-31','00',100,'2026-11-28 00:00:00',true,''),
 ('GOV-03','2026-11','2026-11-30','00',25,'2026-11-28 00:00:00',true,''),
 ('CON-05','2025-Q4','2025-12-31','00',5000,'2026-01-25 12:00:00',true,'e1'),
 ('CON-05','2026-Q2','2026-06-30','00',5500,'2026-07-25 12:00:00',true,'e2');
-- TAL-01 by region, 2025: the 12 regions add up to the national 30000
insert into kpi_value select 'TAL-01','2025','2025-12-31', code, v, '2026-02-10 12:00:00', true, 't1,t2'
from (values ('01',2500),('02',1500),('03',3000),('04',4200),('05',1200),('06',8200),('07',3100),('08',900),('09',2600),('10',800),('11',1000),('12',1000)) r(code, v);

create table kpi_score (kpi_id varchar, period varchar, period_end date, region_code varchar, value double, unit varchar,
  progress double, progress_clipped double, trajectory_value double, status varchar, required_growth double,
  observed_growth double, forecast_2030 double, progress_gap double, known_at timestamp, submission_ids varchar,
  period_complete boolean);
-- progress = (value - baseline) / (target - baseline), e.g. EGOV-01: (500 - 380) / (600 - 380) = 0.5455
insert into kpi_score select v.kpi_id, v.period, v.period_end, v.region_code, v.value, c.unit,
  s.progress, least(greatest(s.progress, 0), 1), t.trajectory, s.status, null, null, s.forecast, null, v.known_at,
  v.submission_ids, v.period_end < date '2026-11-28'
from kpi_value v join kpi_catalogue c using (kpi_id)
join (values
  ('EGOV-01','2025-Q4',0.0,'on_track',null), ('EGOV-01','2026-Q1',0.1818,'on_track',null),
  ('EGOV-01','2026-Q2',0.3409,'on_track',null), ('EGOV-01','2026-Q3',0.5455,'on_track',640.0),
  ('EGOV-06','2022',0.0,'at_risk',null), ('EGOV-06','2024',0.2063,'at_risk',61.0),
  ('ECO-03','2023',0.0,'off_track',null), ('ECO-03','2024',0.0498,'off_track',null), ('ECO-03','2025',0.0995,'off_track',26.7),
  ('TAL-01','2024',0.093,'off_track',null), ('TAL-01','2025',0.186,'off_track',61000.0),
  ('AI-03','2026-Q2',0.1818,'on_track',null), ('AI-03','2026-Q3',0.2727,'on_track',12.5),
  ('GOV-09','2026-10',null,'no_target',null),
  ('TAL-04','2026-S1',0.0,'baseline_only',null), ('TAL-04','2026-S2',0.0044,'provisional',null),
  ('GOV-03','2026-10',1.0,'on_track',100.0), ('GOV-03','2026-11',0.0,'provisional',0.0),
  ('CON-05','2025-Q4',0.0,'baseline_only',null), ('CON-05','2026-Q2',0.384615,'off_track',null)
) s(kpi_id, period, progress, status, forecast) on s.kpi_id = v.kpi_id and s.period = v.period
-- trajectory at period end, e.g. EGOV-01 380 (2025-12-31) to 600 (2030-12-31): 380 + 220 * 273 / 1826 = 412.89,
-- CON-05 5000 (2025-12-31) to 6300 (2026-12-31): 5000 + 1300 * 181 / 365 = 5644.658
left join (values ('EGOV-01','2026-Q3',412.89), ('CON-05','2026-Q2',5644.658), ('ECO-03','2025',21.926),
  ('TAL-01','2025',29393.0), ('EGOV-06','2024',97.24), ('AI-03','2026-Q3',3.75), ('GOV-03','2026-10',100.0))
  t(kpi_id, period, trajectory) on t.kpi_id = v.kpi_id and t.period = v.period
where v.is_latest_vintage and v.region_code = '00';
insert into kpi_score select kpi_id, period, period_end, region_code, value, 'people per year', null, null, null, 'no_target',
  null, null, null, null, known_at, submission_ids, true from kpi_value where kpi_id = 'TAL-01' and region_code <> '00';
-- a KPI without data has exactly one row with status no_data, region 00, nulls
insert into kpi_score values ('CON-07',null,null,'00',null,'% of population',null,null,null,'no_data',null,null,null,null,null,null,null);

-- as the KPI engine writes it: the latest complete period, a later running one beside it
-- lists, as the KPI engine writes them
alter table kpi_score alter submission_ids set data type varchar[] using string_split(submission_ids, ',');
create table kpi_latest as
with settled as (
    select * from kpi_score
    qualify row_number() over (partition by kpi_id, region_code
        order by coalesce(period_complete, true) desc, period_end desc nulls last, period desc) = 1
),
running as (
    select kpi_id, region_code, period, period_end, value from kpi_score where period_complete = false
    qualify row_number() over (partition by kpi_id, region_code order by period_end desc, period desc) = 1
)
select settled.*, running.period as provisional_period, running.period_end as provisional_period_end,
    running.value as provisional_value
from settled left join running on running.kpi_id = settled.kpi_id and running.region_code = settled.region_code
    and running.period_end > settled.period_end;

create table submission (submission_id varchar, template_id varchar, submitter varchar, period varchar, status varchar,
  file_name varchar, rows_read bigint, rows_accepted bigint, rows_quarantined bigint, file_error_code varchar,
  file_error_message varchar, received_at timestamp, valid_from timestamp, valid_to timestamp, is_current boolean,
  feedback_path varchar);
insert into submission values
 ('e5','eservices-catalogue','MTNRA','2026-Q3','accepted','catalogue-2026-Q3.csv',612,612,0,null,null,'2026-10-16 08:00:00','2026-10-16 08:00:00',null,true,null),
 ('t1','digital-training','OFPPT','2025-S1','accepted','formations 2025 S1.xlsx',240,240,0,null,null,'2026-02-10 12:00:00','2026-02-10 12:00:00',null,true,null),
 ('t2','digital-training','OFPPT','2025-S2','accepted_with_quarantine','formations 2025 S2.xlsx',250,247,3,null,null,'2026-02-10 12:00:00','2026-02-10 12:00:00',null,true,'feedback/digital-training/OFPPT/2025-S2 rapport.fr.html'),
 ('x1','digital-training','@evil','2025-S2','rejected','=HYPERLINK("http://example.org")<b>.csv',0,0,0,'encoding','not UTF-8','2026-02-11 07:00:00','2026-02-11 07:00:00',null,true,'feedback/digital-training/evil/x1.fr.html'),
 ('u1','un-egov-survey','UNDESA','2024','accepted','egov-2024.csv',193,193,0,null,null,'2026-01-05 12:00:00','2026-01-05 12:00:00',null,true,null),
 ('m1','digital-economy-annual','MEF','2025','accepted','economie-2025.json',12,12,0,null,null,'2026-03-01 12:00:00','2026-03-01 12:00:00',null,true,null),
 ('a2','ai-programme-quarterly','MTNRA','2026-Q3','accepted','ia-2026-Q3.csv',40,40,0,null,null,'2026-10-10 12:00:00','2026-10-10 12:00:00',null,true,null);

create table quarantine (submission_id varchar, template_id varchar, submitter varchar, period varchar, "row" bigint, line bigint,
  cell varchar, column_name varchar, header varchar, reason_code varchar, raw_value varchar, message_fr varchar,
  message_ar varchar, message_en varchar);
insert into quarantine values ('t2','digital-training','OFPPT','2025-S2',12,13,'H13','diplomes','Diplômés','not_integer','=2+3','pas un entier','ليس عددا صحيحا','not an integer');

create table dim_region (region_code varchar, iso_code varchar, name_fr varchar, name_ar varchar, name_en varchar, seat varchar);
insert into dim_region values
 ('00','MA','Maroc','المغرب','Morocco',null),
 ('01','MA-01','Tanger-Tétouan-Al Hoceima','طنجة-تطوان-الحسيمة','Tanger-Tetouan-Al Hoceima','Tanger'),
 ('02','MA-02','Oriental','الشرق','Oriental','Oujda'),
 ('03','MA-03','Fès-Meknès','فاس-مكناس','Fes-Meknes','Fès'),
 ('04','MA-04','Rabat-Salé-Kénitra','الرباط-سلا-القنيطرة','Rabat-Sale-Kenitra','Rabat'),
 ('05','MA-05','Béni Mellal-Khénifra','بني ملال-خنيفرة','Beni Mellal-Khenifra','Béni Mellal'),
 ('06','MA-06','Casablanca-Settat','الدار البيضاء-سطات','Casablanca-Settat','Casablanca'),
 ('07','MA-07','Marrakech-Safi','مراكش-آسفي','Marrakech-Safi','Marrakech'),
 ('08','MA-08','Drâa-Tafilalet','درعة-تافيلالت','Draa-Tafilalet','Errachidia'),
 ('09','MA-09','Souss-Massa','سوس-ماسة','Souss-Massa','Agadir'),
 ('10','MA-10','Guelmim-Oued Noun','كلميم-واد نون','Guelmim-Oued Noun','Guelmim'),
 ('11','MA-11','Laâyoune-Sakia El Hamra','العيون-الساقية الحمراء','Laayoune-Sakia El Hamra','Laâyoune'),
 ('12','MA-12','Dakhla-Oued Ed-Dahab','الداخلة-وادي الذهب','Dakhla-Oued Ed-Dahab','Dakhla');

create table ops_run (run_id bigint, started_at timestamp, finished_at timestamp, as_of date, status varchar,
  files_accepted bigint, files_with_quarantine bigint, files_rejected bigint, rows_loaded bigint, rows_quarantined bigint);
insert into ops_run values
 (1,'2026-11-27 02:00:00','2026-11-27 02:04:10','2026-11-27','FAILED',5,1,1,1297,3),
 (2,'2026-11-28 02:00:00','2026-11-28 02:03:55','2026-11-28','COMPLETED',1,0,0,40,0);

create table un_egov_scores (survey_year integer, country varchar, egdi_published double, egdi_computed double,
  egdi_rank_published integer, egdi_rank_computed integer, osi_published double, osi_rank_computed integer, differs boolean);
insert into un_egov_scores values (2024,'Morocco',0.6841,0.6841,90,90,0.6798,100,false);
insert into un_egov_scores values (2022,'Morocco',0.5915,0.5915,101,101,0.4721,113,false),
 (2022,'Tunisia',0.653,0.653,88,88,0.6031,70,false),(2024,'Tunisia',0.69348,0.69348,87,87,0.59507,82,false);

-- the yardsticks of the UN comparison: region and world means of each edition
create table un_egov_averages (survey_year integer, country_group varchar, countries bigint, egdi_mean double,
  osi_mean double);
insert into un_egov_averages values (2022,'Africa',54,0.4054,0.3512),(2022,'World',193,0.6102,0.5604),
 (2024,'Africa',54,0.4247,0.3862),(2024,'World',193,0.6382,0.5754);

create table dim_template (template_id varchar, title_fr varchar, title_ar varchar, title_en varchar, format varchar,
  period_type varchar);
insert into dim_template values
 ('eservices-catalogue','Catalogue des services publics en ligne (instantané)','سجل الخدمات العمومية الإلكترونية (لقطة)','Registry of public e-services (snapshot)','xlsx','day'),
 ('digital-training','Formation au numérique et à l''IA (semestriel)','التكوين في المجال الرقمي والذكاء الاصطناعي (نصف سنوي)','Digital and AI training output (semester)','csv','semester');

create table period_coverage (template_id varchar, submitter varchar, period varchar, days_with_data bigint,
  days_elapsed bigint, days_in_period bigint, data_rows bigint, is_sample boolean);
insert into period_coverage values
 ('eservices-catalogue','MTNRA','2026-06',1,30,30,412,true),
 ('eservices-catalogue','MTNRA','2026-07',31,31,31,12873,false),
 ('eservices-catalogue','OTHER','2026-05',1,31,31,97,true);
