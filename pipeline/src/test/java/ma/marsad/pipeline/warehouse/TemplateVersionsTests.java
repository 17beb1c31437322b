package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.lake.IcebergLake;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * egov-requests files of version 1, then of a version 2 that renames {@code satisfaction} to {@code
 * satisfaction_score} and adds {@code agent_code}, ingested into one lake and built into the warehouse, in full then
 * incrementally: the lake table keeps the column's field id under its new name and maps the old one, and the warehouse
 * shows the old files' values under the new name.
 */
class TemplateVersionsTests {

    private static final String V1_HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction\n";
    private static final String V2_HEADER =
            "request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction_score,agent_code\n";
    private static final Instant NIGHT = Instant.parse("2026-11-29T01:00:00Z");
    private static final LocalDate AS_OF = LocalDate.parse("2026-12-01");

    @TempDir
    Path folder;

    private final Map<String, String> ids = new HashMap<>();

    @Test
    void aRenamedColumnKeepsItsFieldIdInTheLakeAndItsOldValuesInTheWarehouse() throws Exception {
        // given two days ingested with version 1 of the template
        Lake lake = Lake.local(folder.resolve("lake"));
        Path landing = folder.resolve("landing");
        TemplateCatalog version1 = TemplateCatalog.load(ConfigFolder.overriddenBy(versionOneConfig()));
        land(landing, "requests-2026-11-26.csv", V1_HEADER + row("A1", "2026-11-26", "3"), NIGHT);
        land(
                landing,
                "requests-2026-11-27.csv",
                V1_HEADER + row("B1", "2026-11-27", "4") + row("B2", "2026-11-27", "5") + row("B3", "2026-11-27", ""),
                NIGHT);
        ingestNew(lake, version1, landing);
        int satisfactionId;
        try (IcebergLake iceberg = IcebergLake.open(lake, null)) {
            satisfactionId =
                    requestsTable(iceberg).schema().findField("satisfaction").fieldId();
        }

        // when version 2 renames satisfaction and adds agent_code, and a day is ingested with it
        Path config = versionTwoConfig();
        TemplateCatalog version2 = TemplateCatalog.load(ConfigFolder.overriddenBy(config));
        land(
                landing,
                "requests-2026-11-28.csv",
                V2_HEADER + row("C1", "2026-11-28", "2,AG-7") + row("C2", "2026-11-28", "1,"),
                NIGHT.plusSeconds(86_400));
        ingestNew(lake, version2, landing);

        // then the lake table renamed the column (same field id), added the new one, and maps the old name
        try (IcebergLake iceberg = IcebergLake.open(lake, null)) {
            Table requests = requestsTable(iceberg);
            Types.NestedField renamed = requests.schema().findField("satisfaction_score");
            assertThat(renamed.fieldId()).isEqualTo(satisfactionId);
            assertThat(requests.schema().findField("satisfaction")).isNull();
            assertThat(requests.schema().findField("agent_code")).isNotNull();
            NameMapping mapping =
                    NameMappingParser.fromJson(requests.properties().get(TableProperties.DEFAULT_NAME_MAPPING));
            // files of version 1 carry no field ids: a reader finds their satisfaction column by this mapping
            assertThat(mapping.find("satisfaction").id()).isEqualTo(satisfactionId);
            assertThat(mapping.find("satisfaction_score").id()).isEqualTo(satisfactionId);
            assertThat(mapping.find("satisfaction").names())
                    .containsExactlyInAnyOrder("satisfaction_score", "satisfaction");
        }

        // and a full build shows every file's values under the new name, each submission with its version
        ModelCatalog models = ModelCatalog.load(ConfigFolder.overriddenBy(config));
        WarehouseBuilder builder = TestWarehouses.builder(lake, version2, models);
        Path published = folder.resolve("warehouse/published.duckdb");
        WarehouseBuilder.BuildSummary full = builder.build(
                new SubmissionRegistry(lake).snapshot(),
                published,
                folder.resolve("cache"),
                new WarehouseBuilder.BuildRequest(null, "defs", AS_OF, false));
        assertThat(full.state().mode()).isEqualTo(BuildState.FULL);
        try (Connection connection = WarehouseBuilder.openReadOnly(published);
                Statement statement = connection.createStatement()) {
            assertThat(text(
                            statement,
                            "select string_agg(request_id || '=' || coalesce(satisfaction_score, 0), ' '"
                                    + " order by request_id) from fct_egov_requests"))
                    .isEqualTo("A1=3 B1=4 B2=5 B3=0 C1=2 C2=1");
            assertThat(text(
                            statement,
                            "select count(*) from information_schema.columns where column_name = 'satisfaction'"))
                    .isEqualTo("0");
            assertThat(text(
                            statement,
                            "select string_agg(file_name || ':' || template_version, ' ' order by file_name)"
                                    + " from submission"))
                    .isEqualTo("requests-2026-11-26.csv:1 requests-2026-11-27.csv:1 requests-2026-11-28.csv:2");
            assertThat(text(statement, "select current_version from dim_template where template_id = 'egov-requests'"))
                    .isEqualTo("2");
            assertThat(text(
                            statement,
                            "select current_version from dim_template where template_id = 'digital-training'"))
                    .isEqualTo("1");
        }

        // when a revision of a version-1 day arrives with version 2, and the next night builds incrementally
        land(
                landing,
                "requests-2026-11-27-corrected.csv",
                V2_HEADER + row("D1", "2026-11-27", "1,AG-1"),
                NIGHT.plusSeconds(2 * 86_400));
        ingestNew(lake, version2, landing);
        Path night = folder.resolve("warehouse/night.duckdb");
        WarehouseBuilder.BuildSummary incremental = builder.build(
                new SubmissionRegistry(lake).snapshot(),
                night,
                folder.resolve("cache"),
                new WarehouseBuilder.BuildRequest(published, "defs", AS_OF, false));

        // then the superseded version-1 rows are in history under the new name, and the current rows are the revision's
        assertThat(incremental.state().mode()).isEqualTo(BuildState.INCREMENTAL);
        try (Connection connection = WarehouseBuilder.openReadOnly(night);
                Statement statement = connection.createStatement()) {
            assertThat(text(
                            statement,
                            "select string_agg(request_id || '=' || coalesce(satisfaction_score, 0), ' '"
                                    + " order by request_id) from fct_egov_requests"))
                    .isEqualTo("A1=3 C1=2 C2=1 D1=1");
            assertThat(text(
                            statement,
                            "select string_agg(request_id || '=' || coalesce(satisfaction_score, 0), ' '"
                                    + " order by request_id) from hist_egov_requests where submission_id = '"
                                    + ids.get("requests-2026-11-27.csv") + "'"))
                    .isEqualTo("B1=4 B2=5 B3=0");
        }
        assertThat(TestWarehouses.differences(night, fullBuild(builder, lake))).isEmpty();
    }

    /** The same lake built in full, to compare the incremental night with. */
    private Path fullBuild(WarehouseBuilder builder, Lake lake) throws Exception {
        Path full = folder.resolve("warehouse/full.duckdb");
        builder.build(
                new SubmissionRegistry(lake).snapshot(),
                full,
                folder.resolve("cache"),
                new WarehouseBuilder.BuildRequest(null, "defs", AS_OF, true));
        return full;
    }

    /** The shipped templates, egov-requests at version 1 as shipped. */
    private Path versionOneConfig() throws Exception {
        Path config = folder.resolve("config-v1");
        copyShipped("templates", config);
        return config;
    }

    /** The shipped templates with egov-requests at version 2, and the models reading its renamed column. */
    private Path versionTwoConfig() throws Exception {
        Path config = folder.resolve("config-v2");
        copyShipped("templates", config);
        copyShipped("models", config);
        Path template = config.resolve("templates/egov-requests.yml");
        String shipped = Files.readString(template);
        String version2 = shipped.replace("id: egov-requests\n", "id: egov-requests\nversion: 2\n")
                .replace(
                        "  - name: satisfaction\n    type: integer\n",
                        "  - name: satisfaction_score\n    type: integer\n    renamed_from: [satisfaction]\n")
                .replace("rules:\n", """
                          - name: agent_code
                            type: text
                            description: {fr: Code de l'agent, ar: رمز الموظف, en: Agent code}
                        rules:
                        """);
        assertThat(version2).contains("version: 2", "renamed_from: [satisfaction]", "name: agent_code");
        Files.writeString(template, version2);
        try (var files = Files.walk(config.resolve("models"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String text = Files.readString(file);
                Files.writeString(file, text.replaceAll("\\bsatisfaction\\b", "satisfaction_score"));
            }
        }
        return config;
    }

    private static void copyShipped(String subfolder, Path config) throws Exception {
        for (ConfigFolder.ConfigFile file : ConfigFolder.shipped().list(subfolder, "")) {
            Path destination = config.resolve(subfolder).resolve(file.relativePath());
            Files.createDirectories(destination.getParent());
            Files.writeString(destination, file.content());
        }
    }

    private void ingestNew(Lake lake, TemplateCatalog catalog, Path landing) throws Exception {
        SubmissionRegistry registry = new SubmissionRegistry(lake);
        SubmissionIngester ingester = new SubmissionIngester(
                lake, registry, catalog, new SubmissionValidator(catalog, ReportReaders::open), Messages.shipped());
        LandingScanner scanner = new LandingScanner(Set.of("egov-requests"), Duration.ZERO);
        for (LandingScanner.LandingSubmission submission : scanner.scan(landing).submissions()) {
            String id = LandingScanner.submissionId(submission.parts());
            ids.put(submission.parts().get(0).getFileName().toString(), id);
            assertThat(ingester.ingest(submission, id).isRejected()).isFalse();
        }
    }

    private static Table requestsTable(IcebergLake iceberg) {
        return iceberg.catalog().loadTable(IcebergLake.templateTable("egov-requests"));
    }

    /** A request row of a day; {@code last} is the satisfaction, then for version 2 the agent code. */
    private static String row(String id, String day, String last) {
        return id + ",DGI-001,01,web," + day + "T09:00:00,,submitted," + last + "\n";
    }

    private static void land(Path landing, String name, String content, Instant modified) throws Exception {
        Path file = landing.resolve("egov-requests/ADD/" + name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(modified));
    }

    private static String text(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getString(1);
        }
    }
}
