package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.LandingScanner.LandingSubmission;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submissions ingested through the pipeline, then a revision and a withdrawal, read back with Iceberg's own API from a
 * catalog instance of their own: one snapshot per commit naming its submission, the current files, the files as of
 * the snapshot before the revision, and record counts equal to the rows DuckDB reads from the files. On the Hadoop
 * catalog in the lake and on the JDBC catalog in PostgreSQL ({@code MARSAD_TEST_POSTGRES_URL}, else the local server).
 */
class IcebergLakeIntegrationTests {

    private static final TemplateCatalog TEMPLATES = TemplateCatalog.shipped();
    private static final String HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction\n";
    private static final Instant FIRST_NIGHT = Instant.parse("2026-11-28T01:00:00Z");

    private static String adminUrl;
    private static final List<String> databases = new ArrayList<>();

    @TempDir
    Path folder;

    @Test
    void theHadoopCatalogInTheLakeHoldsOneSnapshotPerCommitAndTheHistoryOfARevision() throws Exception {
        Lake lake = Lake.local(folder.resolve("lake"));
        ingestReviseAndWithdraw(lake, IcebergLake.open(lake, null));

        HadoopCatalog fresh = new HadoopCatalog(
                lake.configuration(), IcebergLake.warehouse(lake).toString());
        checkTables(fresh);
    }

    @Test
    void theJdbcCatalogInPostgresqlHoldsTheSameTables() throws Exception {
        String catalogUrl = newDatabase();
        Lake lake = Lake.local(folder.resolve("lake"));
        try (IcebergLake tables = IcebergLake.open(lake, catalogUrl)) {
            ingestReviseAndWithdraw(lake, tables);
        }

        JdbcCatalog fresh = new JdbcCatalog();
        fresh.setConf(lake.configuration());
        fresh.initialize(
                IcebergLake.CATALOG_NAME,
                Map.of(
                        CatalogProperties.URI,
                        catalogUrl,
                        CatalogProperties.WAREHOUSE_LOCATION,
                        IcebergLake.warehouse(lake).toString()));
        try {
            checkTables(fresh);
        } finally {
            fresh.close();
        }
    }

    private Map<String, String> ids;

    /** ADD's 27 November (3 rows, 1 quarantined) and 28 November (2 rows), 27 November revised (4 rows), 28 withdrawn. */
    private void ingestReviseAndWithdraw(Lake lake, IcebergLake tables) throws Exception {
        SubmissionRegistry registry = new SubmissionRegistry(tables);
        SubmissionIngester ingester = new SubmissionIngester(
                lake, registry, TEMPLATES, new SubmissionValidator(TEMPLATES, ReportReaders::open), Messages.shipped());
        Path landing = folder.resolve("landing");
        ids = new HashMap<>();
        land(
                landing,
                "requests-2026-11-27.csv",
                rows("A", 3, "2026-11-27") + "A9,DGI-001,99,web,2026-11-27T10:00:00,," + "submitted,\n",
                FIRST_NIGHT.minusSeconds(3600));
        land(landing, "requests-2026-11-28.csv", rows("B", 2, "2026-11-28"), FIRST_NIGHT.minusSeconds(3600));
        ingestNew(landing, ingester, registry);
        land(landing, "requests-2026-11-27-corrected.csv", rows("C", 4, "2026-11-27"), FIRST_NIGHT.plusSeconds(86_400));
        ingestNew(landing, ingester, registry);
        registry.withdraw(ids.get("requests-2026-11-28.csv"), "sent twice", FIRST_NIGHT.plusSeconds(2 * 86_400));

        // a rerun finds every file committed, and committing a submission again commits nothing
        String revision = ids.get("requests-2026-11-27-corrected.csv");
        ingestNew(landing, ingester, registry);
        assertThat(registry.find(revision).orElseThrow().rowsAccepted()).isEqualTo(4);
        registry.commit(registry.find(revision).orElseThrow());
        // and the lake keeps no second commit record
        assertThat(folder.resolve("lake/_registry")).doesNotExist();
    }

    private void checkTables(Catalog catalog) throws Exception {
        String first = ids.get("requests-2026-11-27.csv");
        String second = ids.get("requests-2026-11-28.csv");
        String revision = ids.get("requests-2026-11-27-corrected.csv");

        // the template table: one snapshot per commit, each naming its submission
        Table requests = catalog.loadTable(IcebergLake.templateTable("egov-requests"));
        assertThat(requests.name()).endsWith("marsad.egov_requests");
        List<Snapshot> history = new ArrayList<>();
        requests.snapshots().forEach(history::add);
        assertThat(history).extracting(Snapshot::operation).containsExactly("append", "append", "overwrite", "delete");
        assertThat(history.subList(0, 3))
                .extracting(snapshot -> snapshot.summary().get(IcebergLake.SUBMISSION_PROPERTY))
                .containsExactly(first, second, revision);
        assertThat(history.get(3).summary()).containsEntry(IcebergLake.WITHDRAWAL_PROPERTY, second);
        // each commit of rows says how its revision orders, for a process committing the next one before this one's
        // registry entry is written
        assertThat(Revision.decode(history.get(2).summary().get(IcebergLake.REVISION_PROPERTY)))
                .extracting(Revision::submissionId, Revision::fileNames, Revision::receivedAt)
                .containsExactly(
                        revision, List.of("requests-2026-11-27-corrected.csv"), FIRST_NIGHT.plusSeconds(86_400));

        // the current scan lists the revision's file only; as of the snapshot before the revision, the first two
        assertThat(files(requests, null))
                .extracting(IcebergCommits::submissionOf)
                .containsExactly(revision);
        assertThat(files(requests, history.get(1).snapshotId()))
                .extracting(IcebergCommits::submissionOf)
                .containsExactlyInAnyOrder(first, second);

        // record counts from the metrics are the rows DuckDB reads from the files
        List<DataFile> everyVersion =
                new ArrayList<>(files(requests, history.get(1).snapshotId()));
        everyVersion.addAll(files(requests, null));
        for (DataFile file : everyVersion) {
            assertThat(file.recordCount()).isEqualTo(duckdbRows(file)).isPositive();
            assertThat(file.partition().get(0, String.class)).isEqualTo("ADD");
        }
        assertThat(everyVersion).extracting(DataFile::recordCount).containsExactlyInAnyOrder(3L, 2L, 4L);

        // quarantined rows: one append, the bad region of the first file
        Table quarantine = catalog.loadTable(IcebergLake.quarantineTable());
        assertThat(quarantine.snapshots())
                .extracting(snapshot -> snapshot.summary().get(IcebergLake.SUBMISSION_PROPERTY))
                .containsExactly(first);
        assertThat(files(quarantine, null)).singleElement().satisfies(file -> assertThat(file.recordCount())
                .isEqualTo(duckdbRows(file))
                .isEqualTo(1L));

        // the quarantined row names its business row: its key and every cell, as submitted
        String quarantined =
                URI.create(files(quarantine, null).get(0).location()).getPath();
        assertThat(duckdbText("select key_values || ' ' || raw_row from read_parquet('" + quarantined + "')"))
                .isEqualTo("{\"request_id\":\"A9\"} {\"request_id\":\"A9\",\"service_code\":\"DGI-001\","
                        + "\"region_code\":\"99\",\"channel\":\"web\",\"submitted_at\":\"2026-11-27T10:00:00\","
                        + "\"completed_at\":null,\"status\":\"submitted\",\"satisfaction\":null}"); // empty cells: null

        // one submission row per submission, one snapshot each; the withdrawal replaces its row in one more
        Table submissions = catalog.loadTable(IcebergLake.submissionTable());
        List<Snapshot> submissionHistory = new ArrayList<>();
        submissions.snapshots().forEach(submissionHistory::add);
        assertThat(submissionHistory.subList(0, 3))
                .extracting(snapshot -> snapshot.summary().get(IcebergLake.SUBMISSION_PROPERTY))
                .containsExactly(first, second, revision);
        assertThat(submissionHistory).hasSize(4);
        assertThat(submissionHistory.get(3).operation()).isEqualTo("overwrite");
        assertThat(submissionHistory.get(3).summary()).containsEntry(IcebergLake.WITHDRAWAL_PROPERTY, second);
        StringBuilder rows = new StringBuilder();
        for (DataFile file : files(submissions, null)) {
            rows.append(duckdbText("select string_agg(submission_id || ':' || coalesce(withdrawal_reason, '-'), ';')"
                            + " from read_parquet('"
                            + URI.create(file.location()).getPath() + "')"))
                    .append(';');
        }
        assertThat(rows.toString().split(";"))
                .containsExactlyInAnyOrder(first + ":-", second + ":sent twice", revision + ":-");
        // as of the snapshot before the withdrawal, the second submission's row did not say it
        assertThat(files(submissions, submissionHistory.get(2).snapshotId()))
                .extracting(DataFile::location)
                .noneMatch(location -> location.endsWith(".withdrawn.parquet"));
    }

    private static String duckdbText(String query) throws Exception {
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getString(1);
        }
    }

    private static List<DataFile> files(Table table, Long snapshotId) throws Exception {
        var scan = snapshotId == null ? table.newScan() : table.newScan().useSnapshot(snapshotId);
        List<DataFile> files = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = scan.planFiles()) {
            tasks.forEach(task -> files.add(task.file()));
        }
        return files;
    }

    private static long duckdbRows(DataFile file) throws Exception {
        String path = URI.create(file.location()).getPath();
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from read_parquet('" + path + "')")) {
            result.next();
            return result.getLong(1);
        }
    }

    private void ingestNew(Path landing, SubmissionIngester ingester, SubmissionRegistry registry) throws Exception {
        LandingScanner scanner = new LandingScanner(Set.of("egov-requests"), Duration.ZERO);
        for (LandingSubmission submission : scanner.scan(landing).submissions()) {
            String id = LandingScanner.submissionId(submission.parts());
            ids.put(submission.parts().get(0).getFileName().toString(), id);
            ingester.ingest(submission, id);
        }
    }

    private static void land(Path landing, String name, String rows, Instant modified) throws Exception {
        Path file = landing.resolve("egov-requests/ADD/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, HEADER + rows, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static String rows(String prefix, int count, String day) {
        StringBuilder text = new StringBuilder();
        for (int i = 1; i <= count; i++) {
            text.append(prefix).append(i).append(",DGI-001,01,web,").append(day).append("T09:00:00,,submitted,\n");
        }
        return text.toString();
    }

    /** A database of its own on the test PostgreSQL, dropped at the end; skipped only outside CI when none runs. */
    private static String newDatabase() throws Exception {
        if (adminUrl == null) {
            String fromEnvironment = System.getenv("MARSAD_TEST_POSTGRES_URL");
            adminUrl = fromEnvironment == null || fromEnvironment.isBlank()
                    ? "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres"
                    : fromEnvironment;
        }
        String database = "marsad_iceberg_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(adminUrl);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            String reason = "no PostgreSQL at " + adminUrl + " (set MARSAD_TEST_POSTGRES_URL): " + e.getMessage();
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason, e);
            }
            Assumptions.abort(reason);
        }
        databases.add(database);
        int query = adminUrl.indexOf('?');
        String base = query < 0 ? adminUrl : adminUrl.substring(0, query);
        String parameters = query < 0 ? "" : adminUrl.substring(query);
        return base.substring(0, base.lastIndexOf('/')) + "/" + database + parameters;
    }

    @AfterAll
    static void dropDatabases() throws Exception {
        for (String database : databases) {
            try (Connection admin = DriverManager.getConnection(adminUrl);
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }
}
