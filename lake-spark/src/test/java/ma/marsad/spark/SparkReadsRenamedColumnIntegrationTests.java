package ma.marsad.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import ma.marsad.pipeline.lake.IcebergLake;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template version that renames a column, as a data engineer writes it in a configuration folder: after a night
 * with version 1 and one with version 2, Spark reads the older submissions' files, which hold the earlier name, under
 * the new one, and finds the figures of the warehouse.
 */
class SparkReadsRenamedColumnIntegrationTests {

    private static final String EARLIER = "satisfaction";
    private static final String RENAMED = "satisfaction_score";
    private static final String CATALOG = "renamed";
    private static final Path SHIPPED = Path.of("..", "pipeline", "src", "main", "resources", "marsad");

    @TempDir
    static Path folder;

    private static Path work;
    private static int fieldIdBefore;
    private static SparkSession spark;

    @BeforeAll
    static void twoNightsAcrossTheNewVersion() throws Exception {
        // given a night with the shipped templates, egov-requests at version 1
        Path landing = SmallLandingZone.create(folder.resolve("landing"));
        work = folder.resolve("work");
        NightlyRun.run(work, landing, SmallLandingZone.AS_OF);
        fieldIdBefore = requestsTable().schema().findField(EARLIER).fieldId();

        // when egov-requests becomes version 2, renaming the column, and ADD revises its latest day
        Path config = versionTwoConfig(folder.resolve("config"));
        reviseLatestDay(landing.resolve("egov-requests").resolve("ADD"));
        NightlyRun.run(work, landing, SmallLandingZone.AS_OF.plusDays(1), List.of("--config", config.toString()));

        spark = LocalSpark.session();
        // a catalog name of its own: the test JVM's one session keeps the catalogs other tests registered
        LocalSpark.hadoopCatalog(spark, CATALOG, work.resolve("lake").resolve(IcebergLake.WAREHOUSE_FOLDER));
    }

    @Test
    void theColumnKeepsItsFieldIdAndItsEarlierNameInTheNameMapping() throws Exception {
        Table table = requestsTable();
        assertThat(table.schema().findField(EARLIER)).isNull();
        assertThat(table.schema().findField(RENAMED).fieldId()).isEqualTo(fieldIdBefore);
        assertThat(table.properties().get(TableProperties.DEFAULT_NAME_MAPPING))
                .contains("\"" + EARLIER + "\"", "\"" + RENAMED + "\"");
    }

    @Test
    void sparkReadsTheOlderFilesUnderTheNewNameAndFindsTheWarehouseFigures() throws Exception {
        String revision = warehouseText(
                "select submission_id from submission where template_id = 'egov-requests' and template_version = 2");
        String aggregates = "select count(*), count(" + RENAMED + "), coalesce(sum(" + RENAMED + "), 0)," + " count("
                + RENAMED + ") filter (where submission_id <> '" + revision + "')";

        Row read = spark.sql(aggregates + " from " + CATALOG + "." + IcebergLake.templateTable("egov-requests"))
                .first();
        List<Long> sparkFigures = List.of(read.getLong(0), read.getLong(1), read.getLong(2), read.getLong(3));

        assertThat(sparkFigures).isEqualTo(warehouseLongs(aggregates + " from fct_egov_requests"));
        // the files of version 1 give their scores under the new name
        assertThat(sparkFigures.get(3)).isPositive();
    }

    @Test
    void theWarehouseSaysWhichVersionEachSubmissionUsed() throws Exception {
        assertThat(warehouseText("select current_version from dim_template where template_id = 'egov-requests'"))
                .isEqualTo("2");
        assertThat(warehouseText("select current_version from dim_template where template_id = 'digital-training'"))
                .isEqualTo("1");
        assertThat(warehouseText("select string_agg(distinct template_version::varchar, ',' order by"
                        + " template_version::varchar) from submission where template_id = 'egov-requests'"))
                .isEqualTo("1,2");
    }

    /**
     * The shipped templates, models and KPIs, with egov-requests at version 2: {@code satisfaction} renamed
     * {@code satisfaction_score} (files still sent with the old header are read through an alias), and every model and
     * KPI selecting the new name.
     */
    private static Path versionTwoConfig(Path config) throws Exception {
        for (String subfolder : List.of("templates", "models", "kpis")) {
            copyTree(SHIPPED.resolve(subfolder), config.resolve(subfolder));
        }
        Path template = config.resolve("templates/egov-requests.yml");
        String contract = Files.readString(template, StandardCharsets.UTF_8)
                .replaceFirst("(?m)^id: egov-requests$", "id: egov-requests\nversion: 2")
                .replace(
                        "  - name: " + EARLIER + "\n",
                        "  - name: " + RENAMED + "\n    renamed_from: [" + EARLIER + "]\n")
                .replace("aliases: [note_satisfaction]", "aliases: [note_satisfaction, " + EARLIER + "]");
        assertThat(contract).contains("version: 2", "renamed_from");
        Files.writeString(template, contract, StandardCharsets.UTF_8);
        for (String subfolder : List.of("models", "kpis")) {
            try (Stream<Path> files = Files.walk(config.resolve(subfolder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    Files.writeString(file, text.replaceAll("\\b" + EARLIER + "\\b", RENAMED), StandardCharsets.UTF_8);
                }
            }
        }
        return config;
    }

    /** ADD sends its latest day again with one more request, the morning after the first night. */
    private static void reviseLatestDay(Path add) throws Exception {
        Path latest;
        try (Stream<Path> files = Files.list(add)) {
            latest = files.filter(file -> file.toString().endsWith(".csv"))
                    .max(Comparator.comparing(Path::toString))
                    .orElseThrow();
        }
        List<String> lines = new ArrayList<>(Files.readAllLines(latest, StandardCharsets.UTF_8));
        lines.removeIf(String::isBlank);
        String[] last = lines.get(lines.size() - 1).split(",", -1);
        last[0] = last[0].replaceAll("\\d+$", "999999");
        last[last.length - 1] = "5";
        lines.add(String.join(",", last));
        Path revised = add.resolve(latest.getFileName().toString().replace(".csv", "-rectificatif.csv"));
        Files.writeString(revised, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(revised, FileTime.from(Instant.parse("2026-11-28T09:30:00Z")));
    }

    private static Table requestsTable() {
        HadoopCatalog catalog = new HadoopCatalog(
                new Configuration(),
                work.resolve("lake").resolve(IcebergLake.WAREHOUSE_FOLDER).toString());
        return catalog.loadTable(IcebergLake.templateTable("egov-requests"));
    }

    private static String warehouseText(String sql) throws Exception {
        try (Connection connection = warehouse();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            return result.getString(1);
        }
    }

    private static List<Long> warehouseLongs(String sql) throws Exception {
        try (Connection connection = warehouse();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            assertThat(result.next()).as(sql).isTrue();
            List<Long> values = new ArrayList<>();
            for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                values.add(result.getLong(i));
            }
            return values;
        }
    }

    private static Connection warehouse() throws Exception {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return DriverManager.getConnection("jdbc:duckdb:" + work.resolve("warehouse/marsad.duckdb"), properties);
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
