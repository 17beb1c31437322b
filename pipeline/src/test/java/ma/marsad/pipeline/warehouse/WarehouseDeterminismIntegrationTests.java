package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import ma.marsad.pipeline.demo.DemoLandingZone;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything Marsad stores is a function of the landing zone (bytes, names, received times): two lakes ingested from
 * one demo landing zone, each built into a warehouse, give the same tables row for row. Run metadata ({@code ops_*})
 * aside.
 */
class WarehouseDeterminismIntegrationTests {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 28);

    @TempDir
    Path folder;

    @Test
    void twoBuildsFromOneLandingZoneGiveIdenticalTables() throws Exception {
        // given one demo landing zone, ingested into two separate lakes
        Path landing = folder.resolve("landing");
        DemoLandingZone.generate(landing, DemoLandingZone.DEFAULT_SEED, AS_OF);
        TemplateCatalog catalog = TemplateCatalog.shipped();
        List<LandingScanner.LandingSubmission> submissions = new LandingScanner(
                        Set.copyOf(catalog.ids()), Duration.ZERO)
                .scan(landing).submissions().stream()
                        .filter(submission -> !DemoSubsets.isOlderAddDailyExport(submission))
                        .toList();
        assertThat(submissions).hasSizeGreaterThan(50);

        // when each lake is built into its own warehouse
        Map<String, String> first = checksums(build(catalog, submissions, folder.resolve("first")));
        Map<String, String> second = checksums(build(catalog, submissions, folder.resolve("second")));

        // then every table has the same columns, row count and order-independent checksum of its rows
        assertThat(first).containsKeys("fct_egov_requests", "fct_digital_training", "submission", "dim_period");
        assertThat(first.get("fct_egov_requests")).doesNotStartWith("0 rows");
        assertThat(second).isEqualTo(first);
    }

    private static Path build(TemplateCatalog catalog, List<LandingScanner.LandingSubmission> submissions, Path work)
            throws Exception {
        Lake lake = Lake.local(work.resolve("lake"));
        SubmissionRegistry registry = new SubmissionRegistry(lake);
        Messages messages = Messages.shipped();
        SubmissionIngester ingester = new SubmissionIngester(
                lake, registry, catalog, new SubmissionValidator(catalog, ReportReaders::open), messages);
        for (LandingScanner.LandingSubmission submission : submissions) {
            ingester.ingest(submission, LandingScanner.submissionId(submission.parts()));
        }
        Path target = work.resolve("warehouse.duckdb");
        TestWarehouses.builder(lake, catalog).build(registry.snapshot(), target, work.resolve("cache"));
        return target;
    }

    /** Per table or view (ops_* aside): its columns and types, row count, and the sum of its rows' hashes. */
    private static Map<String, String> checksums(Path warehouse) throws SQLException {
        Map<String, String> checksums = new TreeMap<>();
        try (Connection connection = WarehouseBuilder.openReadOnly(warehouse);
                Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_schema = 'main' and table_name not like 'ops\\_%' escape '\\'"
                    + " order by table_name")) {
                while (result.next()) {
                    tables.add(result.getString(1));
                }
            }
            for (String table : tables) {
                String columns;
                try (ResultSet result = statement.executeQuery("select string_agg(column_name || ' ' || data_type, ', '"
                        + " order by ordinal_position) from information_schema.columns"
                        + " where table_schema = 'main' and table_name = '" + table + "'")) {
                    result.next();
                    columns = result.getString(1);
                }
                // a sum of row hashes ignores row order but, unlike xor, not a row that appears twice
                try (ResultSet result = statement.executeQuery(
                        "select count(*), coalesce(sum(hash(t)::hugeint), 0) from main." + table + " t")) {
                    result.next();
                    checksums.put(table, result.getLong(1) + " rows, " + result.getString(2) + " | " + columns);
                }
            }
        }
        return checksums;
    }
}
