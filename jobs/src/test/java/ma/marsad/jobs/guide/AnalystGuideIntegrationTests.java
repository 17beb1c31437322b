package ma.marsad.jobs.guide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import ma.marsad.jobs.MarsadCommand;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.text.HtmlText;
import ma.marsad.pipeline.warehouse.ModelCatalog;
import ma.marsad.pipeline.warehouse.SqlModel;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every query of the analyst guide (docs/analyst-guide/*.sql) on the demo warehouse, read-only as an analyst
 * opens it, and checks each answer against the same figure computed another way; and checks the data dictionary
 * against the demo warehouse's schema.
 */
class AnalystGuideIntegrationTests {

    private static final Path GUIDE = Path.of("..", "docs", "analyst-guide.md");
    private static final Path QUERIES = Path.of("..", "docs", "analyst-guide");

    @TempDir
    static Path work;

    static Connection warehouse;

    @BeforeAll
    static void runTheDemo() throws Exception {
        int exit = MarsadCommand.run("demo", "--work", work.toString(), "--as-of", "2026-12-04", "--quiet");
        assertThat(exit).isEqualTo(3); // the demo plants rejected files and quarantined rows
        warehouse = WarehouseBuilder.openReadOnly(work.resolve("warehouse/marsad.duckdb"));
    }

    @AfterAll
    static void close() throws SQLException {
        if (warehouse != null) {
            warehouse.close();
        }
    }

    @Test
    void theGuideShowsEveryQueryFileAsItIs() throws IOException {
        String guide = Files.readString(GUIDE);
        List<Path> files = queryFiles();
        assertThat(files).hasSizeGreaterThanOrEqualTo(10);
        for (Path file : files) {
            assertThat(guide)
                    .as("docs/analyst-guide.md shows %s verbatim", file.getFileName())
                    .contains(Files.readString(file).strip());
        }
    }

    @Test
    void requestsByChannelAndRegionAddUpToTheQuarter() throws Exception {
        List<Map<String, Object>> rows = runAddingUp(
                "01-requests-by-channel-and-region.sql",
                "requests",
                "select count(*) from fct_egov_requests"
                        + " where submitted_at >= '2026-07-01' and submitted_at < '2026-10-01'");
        assertThat(rows).allSatisfy(row -> {
            assertThat(Set.of("web", "mobile", "counter")).contains((String) row.get("channel"));
            assertThat(row.get("region")).isNotNull();
        });
    }

    @Test
    void medianProcessingTimeMatchesTheRequestsOfTheService() throws Exception {
        List<Map<String, Object>> rows = run("02-median-processing-time-per-service.sql");
        assertThat(rows).isNotEmpty();
        Map<String, Object> slowest = rows.get(0);
        List<Double> days = new ArrayList<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery(
                        "select epoch(completed_at - submitted_at) / 86400.0 from fct_egov_requests"
                                + " where status = 'completed' and completed_at is not null and service_code = '"
                                + slowest.get("service_code") + "' order by 1")) {
            while (result.next()) {
                days.add(result.getDouble(1));
            }
        }
        int n = days.size();
        double median = n % 2 == 1 ? days.get(n / 2) : (days.get(n / 2 - 1) + days.get(n / 2)) / 2;
        assertThat(((Number) slowest.get("completed_requests")).intValue()).isEqualTo(n);
        assertThat(((Number) slowest.get("median_days")).doubleValue()).isCloseTo(median, within(0.005));
    }

    @Test
    void lateAndMissingReportsAreThoseOfTheCalendar() throws Exception {
        List<Map<String, Object>> rows = run("03-late-and-missing-submissions.sql");
        assertThat((long) rows.size())
                .isEqualTo(single("select count(*) from submission_calendar where status in ('late', 'missing')"));
        assertThat(rows).allSatisfy(row -> assertThat(row.get("submitter_name")).isNotNull());
        assertThat(rows)
                .anySatisfy(
                        row -> assertThat(row).containsEntry("status", "late").containsEntry("submitter", "ODC"));
    }

    @Test
    void theSourceRowsOfAKpiFigureReaggregateToIt() throws Exception {
        List<Map<String, Object>> rows = run("04-sources-of-a-kpi-value.sql");
        assertThat(rows).isNotEmpty();
        double online = sum(rows, "online_rows");
        double all = sum(rows, "source_rows");
        double published = ((Number) rows.get(0).get("published_value")).doubleValue();
        // EGOV-03 publishes its percentage to 1 decimal (decimals: 1)
        assertThat(java.math.BigDecimal.valueOf(100.0 * online / all)
                        .setScale(1, java.math.RoundingMode.HALF_UP)
                        .doubleValue())
                .isEqualTo(published);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("rows_returned")).isEqualTo(row.get("source_rows")));
    }

    @Test
    void aRevisedFigureKeepsEveryVintage() throws Exception {
        List<Map<String, Object>> rows = run("05-revisions-of-a-kpi.sql");
        assertThat(rows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.stream().map(row -> row.get("value")).distinct()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(rows.stream()
                        .map(row -> String.valueOf(row.get("file_names")))
                        .distinct())
                .as("each vintage names its own file")
                .hasSize(rows.size());
        assertThat(rows.get(rows.size() - 1)).containsEntry("is_latest_vintage", true);
        assertThat(rows.subList(0, rows.size() - 1))
                .allSatisfy(row -> assertThat(row).containsEntry("is_latest_vintage", false));
    }

    @Test
    void theRowsOfASupersededFigureComeFromHistoryAndReaggregateToIt() throws Exception {
        List<Map<String, Object>> rows = run("12-rows-of-a-superseded-kpi-value.sql");
        assertThat(rows).isNotEmpty().allSatisfy(row -> assertThat(row).containsEntry("is_current", false));
        double published = ((Number) rows.get(0).get("published_value")).doubleValue();
        double total = rows.stream()
                .mapToDouble(row -> ((Number) row.get("valeur")).doubleValue())
                .sum();
        assertThat(total).isEqualTo(published);
        assertThat(rows).allSatisfy(row -> assertThat(row.get("source_cell")).isNotNull());
    }

    /**
     * A KPI of each template family, its published decimals, and how its value is formed from its rows, written here
     * independently of its SQL:
     * the rows kpi_source_rows returns for a value must give that value, and kpi_lineage must count them.
     */
    private static final String REAGGREGATIONS = """
            EGOV-03 | 1 | 100.0 * count(*) filter (where channel in ('web', 'mobile')) / count(*)
            EGOV-05 | 2 | avg(satisfaction)
            TAL-01 | 0 | sum(diplomes)
            TAL-03 | 1 | 100.0 * sum(dont_femmes) / sum(diplomes)
            AI-04 | 0 | sum(talents_formes)
            ECO-02 | 0 | sum(valeur)
            ECO-06 | 2 | sum(amount_mad) / 1e9
            EGOV-07 | 5 | max(egdi) filter (where trim(country) = 'Morocco')
            EGOV-08 | 0 | 1 + count(*) filter (where egdi > (select egdi from used where trim(country) = 'Morocco'))
            """;

    @Test
    void theRowsBehindKpiValuesOfEveryTemplateFamilyReaggregateToThemAndKpiLineageCountsThem() throws Exception {
        int superseded = 0;
        for (String line : REAGGREGATIONS.strip().split("\n")) {
            String[] kpi = line.split(" \\| ", 3);
            String id = kpi[0];
            // known_at as DuckDB writes it (2026-12-04 00:30:00+00), to be read back as the same instant
            String columns = "period, region_code, cast(known_at as varchar) as known_at, value";
            List<Map<String, Object>> values = query("(select " + columns + " from kpi_value where kpi_id = '" + id
                    + "' and is_latest_vintage order by region_code desc, period desc limit 1)"
                    + " union all (select " + columns + " from kpi_value where kpi_id = '" + id
                    + "' and not is_latest_vintage order by kpi_value.known_at desc, region_code limit 1)");
            assertThat(values).as("values of %s", id).isNotEmpty();
            superseded += values.size() - 1;
            for (Map<String, Object> value : values) {
                String knownAt = "cast('" + value.get("known_at") + "' as timestamptz)";
                String vintage =
                        "'" + id + "', '" + value.get("period") + "', '" + value.get("region_code") + "', " + knownAt;
                String where = id + " " + value.get("period") + " region " + value.get("region_code") + " known at "
                        + value.get("known_at");
                double reaggregated = singleDouble("with used as (select * from kpi_source_rows(" + vintage + "))"
                        + " select " + kpi[2] + " from used");
                double published = ((Number) value.get("value")).doubleValue();
                // kpi_value holds the figure rounded half up to the KPI's decimals
                assertThat(java.math.BigDecimal.valueOf(reaggregated)
                                .setScale(Integer.parseInt(kpi[1]), java.math.RoundingMode.HALF_UP)
                                .doubleValue())
                        .as("the rows of %s re-aggregated", where)
                        .isEqualTo(published);
                assertThat(query("select submission_id, count(*) as source_rows from kpi_source_rows(" + vintage
                                + ") group by all order by all"))
                        .as("kpi_lineage of %s counts the rows returned", where)
                        .isEqualTo(query("select submission_id, source_rows from kpi_lineage where kpi_id = '" + id
                                + "' and period = '" + value.get("period") + "' and region_code = '"
                                + value.get("region_code") + "' and known_at = " + knownAt + " order by all"));
            }
        }
        assertThat(superseded).as("superseded vintages checked").isGreaterThanOrEqualTo(5);
    }

    @Test
    void moroccoRanksAreTheUnPublishedOnes() throws Exception {
        // the UN E-Government Survey: EGDI rank 101 (2022) and 90 (2024); OSI rank 113 and 100
        List<Map<String, Object>> rows = run("06-morocco-un-ranks.sql");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("survey_year", 2022).containsEntry("egdi_rank_published", 101);
        assertThat(((Number) rows.get(0).get("osi_rank_computed")).intValue()).isEqualTo(113);
        assertThat(rows.get(1)).containsEntry("survey_year", 2024).containsEntry("egdi_rank_published", 90);
        assertThat(((Number) rows.get(1).get("osi_rank_computed")).intValue()).isEqualTo(100);
    }

    @Test
    void quarantinedRowsAreThoseTheSubmissionsReport() throws Exception {
        List<Map<String, Object>> rows = runAddingUp(
                "07-quarantined-rows-and-why.sql",
                "rows_quarantined",
                "select sum(rows_quarantined) from submission where status = 'accepted_with_quarantine'");
        assertThat(rows)
                .allSatisfy(row -> assertThat((String) row.get("message_fr")).isNotBlank());
        // the first row of each group names its business row by the template's key, as submitted
        for (Map<String, Object> row : rows) {
            String keys = String.valueOf(row.get("first_key_values"));
            assertThat(keys)
                    .isEqualTo(String.valueOf(query("select key_values from quarantine q join submission s"
                                    + " using (submission_id) where s.file_name = '" + row.get("file_name")
                                    + "' and q.\"row\" = " + row.get("first_row"))
                            .get(0)
                            .get("key_values")));
            if ("egov-requests".equals(row.get("template_id"))) {
                assertThat(keys).startsWith("{\"request_id\":");
            }
        }
        assertThat(single("select count(*) from quarantine where key_values is null or raw_row is null"))
                .isZero();
    }

    @Test
    void aRejectedFilesMessageIsInTheWarehouseAndInItsFeedbackInThreeLanguages() throws Exception {
        List<Map<String, Object>> rejected = query("select feedback_path, file_error_message, file_error_message_ar,"
                + " file_error_message_en from submission where status = 'rejected' order by submission_id");
        assertThat(rejected).isNotEmpty();
        for (Map<String, Object> submission : rejected) {
            Path french = work.resolve((String) submission.get("feedback_path"));
            Map<String, String> pages = Map.of(
                    "file_error_message", Files.readString(french),
                    "file_error_message_ar", Files.readString(sibling(french, "ar")),
                    "file_error_message_en", Files.readString(sibling(french, "en")));
            pages.forEach((column, page) -> {
                String message = (String) submission.get(column);
                assertThat(message).isNotBlank();
                assertThat(page).contains(HtmlText.escapeOwnText(message));
            });
        }
    }

    private static Path sibling(Path frenchPage, String language) {
        return frenchPage.resolveSibling(
                frenchPage.getFileName().toString().replace(".fr.html", "." + language + ".html"));
    }

    @Test
    void fundingByStageAddsUpToAllFunding() throws Exception {
        List<Map<String, Object>> rows = run("08-funding-by-stage-and-programme.sql");
        assertThat(sum(rows, "events")).isEqualTo(single("select count(*) from fct_startup_funding"));
        double total = singleDouble("select sum(amount_mad) / 1e6 from fct_startup_funding");
        assertThat(rows.stream()
                        .mapToDouble(row -> ((Number) row.get("amount_mad_millions")).doubleValue())
                        .sum())
                .isCloseTo(total, within(0.05 * rows.size()));
    }

    @Test
    void instituteTalentsAddUpToTheInstitutesReports() throws Exception {
        runAddingUp(
                "09-institute-talents-by-region.sql",
                "talents_trained",
                "select sum(talents_formes) from fct_ai_programme_quarterly where type_entite = 'institut'");
    }

    @Test
    void offTrackKpisAllHaveATarget() throws Exception {
        List<Map<String, Object>> rows = run("10-off-track-kpis-with-targets.sql");
        assertThat((long) rows.size())
                .isEqualTo(single("select count(*) from kpi_latest where region_code = '00' and status = 'off_track'"))
                .isPositive();
        assertThat(rows)
                .allSatisfy(row -> assertThat(row.get("target_2030") != null || row.get("milestone_2026") != null)
                        .as("%s has a target", row.get("kpi_id"))
                        .isTrue());
    }

    @Test
    void freshnessListsEverySubmitterWithAcceptedData() throws Exception {
        List<Map<String, Object>> rows = run("11-freshness-per-template.sql");
        assertThat((long) rows.size())
                .isEqualTo(single("select count(distinct (template_id, submitter)) from submission"
                        + " where status in ('accepted', 'accepted_with_quarantine')"));
    }

    private static List<Path> queryFiles() throws IOException {
        try (Stream<Path> files = Files.list(QUERIES)) {
            return files.filter(file -> file.toString().endsWith(".sql"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void theDataDictionaryIsTheWarehouseSchema() throws Exception {
        ModelCatalog catalog = ModelCatalog.load(ConfigFolder.shipped());
        Map<String, List<SqlModel.ColumnDoc>> documented = new TreeMap<>();
        catalog.ordered().stream()
                .filter(SqlModel::isPublished)
                .forEach(model -> documented.put(model.name(), model.columns()));
        catalog.documentedTables().forEach(table -> documented.put(table.name(), table.columns()));

        Map<String, List<String>> inFile = new TreeMap<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery("select table_name, column_name, data_type"
                        + " from information_schema.columns where table_schema = 'main'"
                        + " order by table_name, ordinal_position")) {
            while (result.next()) {
                inFile.computeIfAbsent(result.getString(1), table -> new ArrayList<>())
                        .add(result.getString(2) + " " + result.getString(3));
            }
        }
        Map<String, List<String>> inDictionary = new TreeMap<>();
        documented.forEach((table, columns) -> inDictionary.put(
                table,
                columns.stream()
                        .map(column -> column.name() + " " + column.type())
                        .toList()));
        assertThat(inDictionary)
                .as("docs/data-dictionary.md (models/**/*.yml) against the warehouse's information_schema")
                .isEqualTo(inFile);

        for (var table : documented.entrySet()) {
            for (SqlModel.ColumnDoc column : table.getValue()) {
                if (!column.nullable()) {
                    assertThat(single("select count(*) from " + table.getKey() + " where \"" + column.name()
                                    + "\" is null"))
                            .as("%s.%s is documented as never null", table.getKey(), column.name())
                            .isZero();
                }
            }
        }
    }

    @Test
    void everyPeriodKeyInTheWarehouseJoinsToDimPeriod() throws Exception {
        assertThat(tablesWhoseKeysJoin("period", "dim_period", "period_key"))
                .contains(
                        "submission",
                        "fct_egov_requests",
                        "kpi_value",
                        "kpi_latest",
                        "kpi_lineage",
                        "submission_calendar");
        // a day rolls up to its month, quarter, semester and year; labels in three languages
        assertThat(query("select month_key, quarter_key, semester_key, year_key, label_fr, label_ar, label_en"
                        + " from dim_period where period_key = '2026-11-28'"))
                .containsExactly(Map.of(
                        "month_key", "2026-11",
                        "quarter_key", "2026-Q4",
                        "semester_key", "2026-S2",
                        "year_key", "2026",
                        "label_fr", "28 novembre 2026",
                        "label_ar", "28 نونبر 2026",
                        "label_en", "28 November 2026"));
        assertThat(query("select label_fr, label_ar, label_en from dim_period where period_key = '2026-Q3'"))
                .containsExactly(Map.of("label_fr", "T3 2026", "label_ar", "الربع الثالث 2026", "label_en", "Q3 2026"));
    }

    @Test
    void everySubmitterInTheWarehouseJoinsToDimSubmitter() throws Exception {
        assertThat(tablesWhoseKeysJoin("submitter", "dim_submitter", "submitter_code"))
                .contains("submission", "quarantine", "fct_egov_requests", "submission_calendar", "reconciliation");
    }

    /** Every table and view with the column, each checked for a value missing from the dimension's key. */
    private static List<String> tablesWhoseKeysJoin(String column, String dimension, String key) throws SQLException {
        List<String> tables = query("select table_name from information_schema.columns where table_schema = 'main'"
                        + " and column_name = '" + column + "' order by 1")
                .stream()
                .map(row -> (String) row.get("table_name"))
                .toList();
        for (String table : tables) {
            assertThat(single("select count(*) from " + table + " as t where t." + column + " is not null"
                            + " and not exists (select 1 from " + dimension + " as d where d." + key + " = t." + column
                            + ")"))
                    .as("%s of %s missing from %s", column, table, dimension)
                    .isZero();
        }
        return tables;
    }

    @Test
    void everyRunInTheWarehouseHasItsStartEndAndStatus() throws Exception {
        assertThat(single("select count(*) from ops_run where started_at is null or finished_at is null"
                        + " or status is null or status = 'STARTED'"))
                .isZero();
        assertThat(single("select count(*) from ops_run where status = 'PUBLISHED' and files_accepted > 0"))
                .as("the run that built the file, with what it ingested")
                .isEqualTo(1);
    }

    /** Runs a guide query whose rows must not be empty and whose {@code column} adds up to {@code total}. */
    private static List<Map<String, Object>> runAddingUp(String file, String column, String total) throws Exception {
        List<Map<String, Object>> rows = run(file);
        assertThat(rows).isNotEmpty();
        assertThat(sum(rows, column)).as(column).isEqualTo(single(total));
        return rows;
    }

    private static List<Map<String, Object>> run(String file) throws Exception {
        return query(Files.readString(QUERIES.resolve(file)));
    }

    private static List<Map<String, Object>> query(String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static long sum(List<Map<String, Object>> rows, String column) {
        return rows.stream()
                .mapToLong(row -> ((Number) row.get(column)).longValue())
                .sum();
    }

    private static long single(String sql) throws SQLException {
        return (long) singleDouble(sql);
    }

    private static double singleDouble(String sql) throws SQLException {
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getDouble(1);
        }
    }
}
