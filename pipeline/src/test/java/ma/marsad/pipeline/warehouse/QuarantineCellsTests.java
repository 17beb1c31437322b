package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.ingest.ValidationReport;
import ma.marsad.pipeline.lake.IcebergLake;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.LakeColumn;
import ma.marsad.pipeline.lake.LakeFixtures;
import ma.marsad.pipeline.lake.ParquetTableWriter;
import ma.marsad.pipeline.lake.QuarantineColumns;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.ColumnSpec;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.types.Types;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The quarantine names the row it set aside (its key values and every cell, as submitted, from CSV and XLSX), a
 * rejected file's message reaches the warehouse in French, Arabic and English as the submitter's feedback words it,
 * and a lake written before both still builds, reading them as null. Real files, a real lake, a real warehouse.
 */
class QuarantineCellsTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.shipped();
    private static final Messages MESSAGES = Messages.shipped();
    private static final String REQUESTS_HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction\n";
    private static final Instant RECEIVED = Instant.parse("2026-11-28T01:00:00Z");

    @TempDir
    Path folder;

    private Path landing;
    private Lake lake;
    private SubmissionRegistry registry;

    @BeforeEach
    void lake() throws Exception {
        landing = folder.resolve("landing");
        lake = Lake.local(folder.resolve("lake"));
        registry = new SubmissionRegistry(lake);
    }

    @Test
    void quarantinedRowsKeepTheirKeyValuesAndEveryCellAsSubmittedFromCsvAndXlsx() throws Exception {
        // given a CSV with a bad region and a workbook with a level out of range, each beside a good row
        land(
                "egov-requests/ADD/requests-2026-11-27.csv",
                REQUESTS_HEADER + "A1,DGI-001,01,web,2026-11-27T09:00:00,,submitted,\n"
                        + "A2,DGI-001,99,guichet,2026-11-27T10:00:00,2026-11-27T11:00:00,completed,4\n");
        Path workbook = landing.resolve("eservices-catalogue/MTNRA/catalogue-2026-11-27.xlsx");
        Files.createDirectories(workbook.getParent());
        try (XSSFWorkbook book = new XSSFWorkbook();
                OutputStream out = Files.newOutputStream(workbook)) {
            Sheet sheet = book.createSheet("Services");
            // the template's own column names as headers, in its order
            row(
                    sheet,
                    0,
                    CATALOG.contract("eservices-catalogue").columns().stream()
                            .map(ColumnSpec::name)
                            .toArray(String[]::new));
            row(sheet, 1, "DGI-001", "Déclaration", "التصريح", "MEF", "citoyens", "3", "01/02/2020", "27/11/2026");
            row(sheet, 2, "DGI-002", "Paiement", "الأداء", "MEF", "entreprises", "7", "", "27/11/2026");
            book.write(out);
        }
        ingestAll();

        // when the warehouse is built
        List<List<String>> rows = query(
                build(),
                "select template_id, key_values::varchar, raw_row::varchar, raw_row->>'niveau_digitalisation'"
                        + " from quarantine order by template_id");

        // then each quarantined row names its key and holds every cell under its header, as submitted
        assertThat(rows)
                .containsExactly(
                        List.of(
                                "egov-requests",
                                "{\"request_id\":\"A2\"}",
                                "{\"request_id\":\"A2\",\"service_code\":\"DGI-001\",\"region_code\":\"99\","
                                        + "\"channel\":\"guichet\",\"submitted_at\":\"2026-11-27T10:00:00\","
                                        + "\"completed_at\":\"2026-11-27T11:00:00\",\"status\":\"completed\","
                                        + "\"satisfaction\":\"4\"}",
                                "null"),
                        List.of(
                                "eservices-catalogue",
                                "{\"code_service\":\"DGI-002\"}",
                                "{\"code_service\":\"DGI-002\",\"intitule_fr\":\"Paiement\",\"intitule_ar\":\"الأداء\","
                                        + "\"code_ministere\":\"MEF\",\"public_cible\":\"entreprises\","
                                        + "\"niveau_digitalisation\":\"7\",\"date_mise_en_ligne\":null,"
                                        + "\"date_situation\":\"27/11/2026\"}",
                                "7"));
    }

    @Test
    void aRejectedFilesMessageReachesTheWarehouseInThreeLanguagesAsTheFeedbackWordsIt() throws Exception {
        // given a file without one of the template's columns
        land(
                "egov-requests/ADD/requests-2026-11-27.csv",
                "request_id,service_code,channel,submitted_at,completed_at,status,satisfaction\n"
                        + "A1,DGI-001,web,2026-11-27T09:00:00,,submitted,\n");
        SubmissionIngester.Result result = ingestAll().get(0);
        assertThat(result.record().status()).isEqualTo("rejected");

        // when the warehouse is built
        List<List<String>> rows = query(
                build(),
                "select file_error_code, file_error_message, file_error_message_ar, file_error_message_en"
                        + " from submission");

        // then it holds the three messages the feedback pages show, each in its language
        ValidationReport feedback = new ValidationReport(MESSAGES);
        List<String> expected = new ArrayList<>(List.of(result.record().fileErrorCode()));
        for (Language language : List.of(Language.FR, Language.AR, Language.EN)) {
            expected.add(feedback.fileErrorMessage(result.outcome(), language));
        }
        assertThat(rows).containsExactly(expected);
        assertThat(expected.get(1)).contains("region_code").contains("colonne");
        assertThat(expected.get(2)).contains("region_code").containsPattern("\\p{IsArabic}");
        assertThat(expected.get(3)).contains("region_code").contains("column");
        assertThat(registry.find(result.record().submissionId()).orElseThrow()).isEqualTo(result.record());
    }

    @Test
    void aLakeWrittenBeforeTheNewColumnsStillBuildsAndReadsThemAsNull() throws Exception {
        // given a lake of the older writer: a quarantine file without key_values and raw_row, committed to the
        // quarantine table it creates, and a rejected entry with its message in French only
        List<LakeColumn> oldColumns = QuarantineColumns.COLUMNS.stream()
                .filter(column -> !Set.of("key_values", "raw_row").contains(column.name()))
                .toList();
        String oldId = "0".repeat(64);
        String staging = LakeFixtures.writeTraining(lake, oldId, "UM5", "2025-S1", new long[][] {{4, 100}});
        var quarantine = lake.quarantine("digital-training", "2025-S1", "UM5", oldId);
        try (ParquetTableWriter writer = ParquetTableWriter.create(quarantine, oldColumns, lake.configuration())) {
            writer.write(new Object[] {
                oldId,
                "digital-training",
                "UM5",
                "2025-S1",
                2L,
                3L,
                "line 3, column 1",
                "code_region",
                "code_region",
                "BAD_REGION",
                "99",
                "« 99 » n'est pas un code de région",
                null,
                null
            });
        }
        registry.commit(new SubmissionRecord(
                oldId,
                "digital-training",
                "UM5",
                List.of("formation-2025-S1.csv"),
                RECEIVED,
                "accepted_with_quarantine",
                "2025-S1",
                2,
                1,
                1,
                null,
                null,
                staging,
                lake.relative(quarantine)));
        String rejectedId = "1".repeat(64);
        // its entry is in the _registry/ folder of the older writer, which the next registry opened adopts
        Path entry = folder.resolve("lake/_registry/submissions/" + rejectedId + ".json");
        Files.createDirectories(entry.getParent());
        Files.writeString(entry, """
                {"submission_id": "%s", "template": "digital-training", "submitter": "UM5",
                 "file_names": ["formation.xls"], "received_at": "2026-11-27T08:00:00Z", "status": "rejected",
                 "period": null, "rows_read": 0, "rows_accepted": 0, "rows_quarantined": 0,
                 "file_error_code": "UNSUPPORTED_FORMAT", "file_error_message": "Format non accepté",
                 "staging_file": null, "quarantine_file": null}""".formatted(rejectedId), StandardCharsets.UTF_8);
        registry = new SubmissionRegistry(lake);
        HadoopCatalog catalog = new HadoopCatalog(
                lake.configuration(), IcebergLake.warehouse(lake).toString());
        assertThat(catalog.loadTable(IcebergLake.quarantineTable()).schema().findField("key_values"))
                .isNull();

        // when a newer writer adds a submission with a quarantined row, and the warehouse is built
        land(
                "egov-requests/ADD/requests-2026-11-27.csv",
                REQUESTS_HEADER + "A1,DGI-001,99,web,2026-11-27T09:00:00,,submitted,\n"
                        + "A2,DGI-001,01,web,2026-11-27T09:00:00,,submitted,\n");
        ingestAll();
        Path warehouse = build();

        // then the table gained the columns as optional ones, and the older row reads them as null
        Table table = catalog.loadTable(IcebergLake.quarantineTable());
        for (String name : List.of("key_values", "raw_row")) {
            Types.NestedField field = table.schema().findField(name);
            assertThat(field).isNotNull();
            assertThat(field.isOptional()).isTrue();
        }
        assertThat(table.properties().get("schema.name-mapping.default")).contains("\"key_values\"", "\"raw_row\"");
        assertThat(query(
                        warehouse,
                        "select template_id, raw_value, coalesce(key_values::varchar, 'null'),"
                                + " coalesce(raw_row->>'request_id', 'null') from quarantine order by template_id"))
                .containsExactly(
                        List.of("digital-training", "99", "null", "null"),
                        List.of("egov-requests", "99", "{\"request_id\":\"A1\"}", "A1"));
        // the older rejected entry keeps its French message; the other two read as null
        assertThat(query(
                        warehouse,
                        "select file_error_message, coalesce(file_error_message_ar, 'null'),"
                                + " coalesce(file_error_message_en, 'null') from submission where status = 'rejected'"))
                .containsExactly(List.of("Format non accepté", "null", "null"));
        // and the adopted folder is kept aside as it was
        assertThat(folder.resolve("lake/_registry")).doesNotExist();
        assertThat(folder.resolve("lake/_registry-adopted/submissions/" + rejectedId + ".json"))
                .exists();
    }

    private void land(String relative, String text) throws Exception {
        Path file = landing.resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(RECEIVED));
    }

    private static void row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int i = 0; i < values.length; i++) {
            if (values[i].matches("[0-9]")) {
                row.createCell(i).setCellValue(Integer.parseInt(values[i])); // a number, as Excel keeps it
            } else if (!values[i].isEmpty()) {
                row.createCell(i).setCellValue(values[i]);
            }
        }
    }

    private List<SubmissionIngester.Result> ingestAll() throws Exception {
        SubmissionIngester ingester = new SubmissionIngester(
                lake, registry, CATALOG, new SubmissionValidator(CATALOG, ReportReaders::open), MESSAGES);
        LandingScanner scanner = new LandingScanner(Set.of("egov-requests", "eservices-catalogue"), Duration.ZERO);
        List<SubmissionIngester.Result> results = new ArrayList<>();
        for (LandingScanner.LandingSubmission submission : scanner.scan(landing).submissions()) {
            results.add(ingester.ingestWithOutcome(submission, LandingScanner.submissionId(submission.parts())));
        }
        return results;
    }

    private Path build() throws Exception {
        Path target = folder.resolve("warehouse/marsad.duckdb");
        TestWarehouses.builder(lake, CATALOG).build(registry.snapshot(), target, folder.resolve("cache"));
        return target;
    }

    private static List<List<String>> query(Path warehouse, String sql) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = WarehouseBuilder.openReadOnly(warehouse);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int width = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= width; i++) {
                    row.add(String.valueOf(result.getString(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
