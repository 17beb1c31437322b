package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.lake.IcebergLake;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.LakeFixtures;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.apache.iceberg.DataFile;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WarehouseBuilderTests {

    @TempDir
    Path folder;

    @Test
    void buildsFactTablesFromCurrentPartitionsOnlyAndKeepsHistory() throws Exception {
        // given a revision that replaces 2 rows by 1, and another submitter's file
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageRevisionAndAnotherSubmitter(lake);
        Path target = folder.resolve("warehouse/build.duckdb");

        // when
        WarehouseBuilder.BuildSummary summary = build(lake);

        // then current rows: UM5's revision (1 row, 120 graduates) + UIR (1 row, 30) = 2 rows, 150 graduates
        assertThat(summary.tableRows()).containsEntry("fct_digital_training", 2L);
        assertThat(summary.tableRows()).containsEntry("superseded_digital_training", 2L);
        assertThat(summary.tableRows()).containsEntry("fct_egov_requests", 0L);
        assertThat(summary.tableRows()).containsEntry("dim_region", 13L);
        try (Connection connection = WarehouseBuilder.openReadOnly(target);
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "select sum(diplomes) from fct_digital_training"))
                    .isEqualTo(150L);
            // history: every accepted revision once, current and superseded
            assertThat(single(statement, "select count(*) from hist_digital_training"))
                    .isEqualTo(4L);
            assertThat(single(statement, "select count(*) from submission where is_current"))
                    .isEqualTo(2L);
            // the lineage view takes a fact row back to its file and cell
            try (ResultSet lineage =
                    statement.executeQuery("select file_name, source_cell from lineage where submission_id = 'bbb2'")) {
                assertThat(lineage.next()).isTrue();
                assertThat(lineage.getString(1)).isEqualTo("training-2025-S1.csv");
                assertThat(lineage.getString(2)).isEqualTo("line 2");
            }
            assertThat(single(
                            statement,
                            "select count(*) from dim_period where period_key = '2025-S1' and end_date = date"
                                    + " '2025-06-30'"))
                    .isEqualTo(1L);
            // the build-time sources are gone from the published file
            assertThat(single(statement, "select count(*) from information_schema.schemata where schema_name = 'src'"))
                    .isZero();
        }
    }

    @Test
    void aLakeWrittenBeforeItsTablesHasItsEntriesCommittedOnceThenBuilds() throws Exception {
        // given a revision, another submitter's file, and a withdrawal that makes UM5's first file current again
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageSemester(lake, "aaa1", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 100});
        LakeFixtures.stageSemester(lake, "bbb2", "UM5", "2025-07-20T08:00:00Z", new long[] {4, 120});
        LakeFixtures.stageSemester(lake, "ccc3", "UIR", "2025-07-01T08:00:00Z", new long[] {1, 30});
        Instant withdrawnAt = Instant.parse("2025-07-21T08:00:00Z");
        new SubmissionRegistry(lake).withdraw("bbb2", "sent by mistake", withdrawnAt);
        // and the lake as an earlier Marsad wrote it: registry entries and files, no Iceberg tables
        LakeFixtures.asLakeOlderThanItsTables(lake, folder.resolve("lake"), withdrawnAt);

        // when a build reads the lake
        Path target = folder.resolve("warehouse/build.duckdb");
        WarehouseBuilder.BuildSummary summary =
                builder(lake).build(new SubmissionRegistry(lake).snapshot(), target, folder.resolve("cache"));

        // then the entries were committed to the tables, the withdrawal too, and the build reads them: 100 + 30
        assertThat(summary.tableRows()).containsEntry("fct_digital_training", 2L);
        try (Connection connection = WarehouseBuilder.openReadOnly(target);
                Statement statement = connection.createStatement()) {
            assertThat(single(statement, "select sum(diplomes) from fct_digital_training"))
                    .isEqualTo(130L);
        }
        try (IcebergLake iceberg = IcebergLake.open(lake, null)) {
            Table submissions = iceberg.catalog().loadTable(IcebergLake.submissionTable());
            assertThat(submissions.currentSnapshot().summary().get("total-records"))
                    .isEqualTo("3");
            Snapshot before = iceberg.catalog()
                    .loadTable(IcebergLake.templateTable("digital-training"))
                    .currentSnapshot();
            // and a second read commits nothing more
            new SubmissionRegistry(lake).snapshot();
            assertThat(iceberg.catalog()
                            .loadTable(IcebergLake.templateTable("digital-training"))
                            .currentSnapshot()
                            .snapshotId())
                    .isEqualTo(before.snapshotId());
        }
        // and the entries are set aside, read no more
        assertThat(folder.resolve("lake/_registry")).doesNotExist();
        assertThat(folder.resolve("lake/_registry-adopted/withdrawals/bbb2.json"))
                .exists();
    }

    @Test
    void aNightReadsWhatChangedFromTheLakeSnapshotsAndRebuildsInFullWhenTheirHistoryWasRewritten() throws Exception {
        // given a warehouse built from UM5's first file, then a revision of it committed to the lake
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageSemester(lake, "aaa1", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 100});
        Path published = folder.resolve("warehouse/published.duckdb");
        LocalDate asOf = LocalDate.parse("2025-08-01");
        builder(lake)
                .build(
                        new SubmissionRegistry(lake).snapshot(),
                        published,
                        folder.resolve("cache"),
                        new WarehouseBuilder.BuildRequest(null, "defs", asOf, false));
        LakeFixtures.stageSemester(lake, "bbb2", "UM5", "2025-07-20T08:00:00Z", new long[] {4, 120});
        var request = new WarehouseBuilder.BuildRequest(published, "defs", asOf, false);

        // when the next night builds
        Path night = folder.resolve("warehouse/night.duckdb");
        WarehouseBuilder.BuildSummary summary =
                builder(lake).build(new SubmissionRegistry(lake).snapshot(), night, folder.resolve("cache"), request);

        // then the snapshots since the published ones say the revision replaced the first file
        assertThat(summary.state().mode()).isEqualTo(BuildState.INCREMENTAL);
        assertThat(summary.state().changes()).isEqualTo(new ChangeSet(Set.of("bbb2"), Set.of("aaa1"), Set.of("bbb2")));
        Table table;
        try (IcebergLake iceberg = IcebergLake.open(lake, null)) {
            table = iceberg.catalog().loadTable(IcebergLake.templateTable("digital-training"));
        }
        Snapshot revision = table.currentSnapshot();
        try (Connection connection = WarehouseBuilder.openReadOnly(night);
                Statement statement = connection.createStatement()) {
            assertThat(single(
                            statement,
                            "select snapshot_id from ops_lake_snapshot where table_name = 'digital_training'"))
                    .isEqualTo(revision.snapshotId());
            assertThat(single(statement, "select sum(diplomes) from fct_digital_training"))
                    .isEqualTo(120L);
        }

        // when the table's history is rewritten (rolled back, the revision committed again: same rows, new snapshot)
        DataFile revised = revision.addedDataFiles(table.io()).iterator().next();
        DataFile first = revision.removedDataFiles(table.io()).iterator().next();
        table.manageSnapshots().rollbackTo(revision.parentId()).commit();
        table.newOverwrite().deleteFile(first).addFile(revised).commit();
        Path after = folder.resolve("warehouse/after.duckdb");
        WarehouseBuilder.BuildSummary rebuilt = builder(lake)
                .build(
                        new SubmissionRegistry(lake).snapshot(),
                        after,
                        folder.resolve("cache"),
                        new WarehouseBuilder.BuildRequest(night, "defs", asOf, false));

        // then that night rebuilds in full, saying why, to the same rows
        assertThat(rebuilt.state().mode()).isEqualTo(BuildState.FULL);
        assertThat(rebuilt.state().reason())
                .contains("snapshot " + revision.snapshotId())
                .contains("no longer an ancestor");
        assertThat(rebuilt.tableRows()).containsEntry("fct_digital_training", 1L);
    }

    @Test
    void aFailingDataTestStopsTheBuild() throws Exception {
        // given a row whose women graduates exceed its graduates (25 > 20 breaks dont_femmes <= diplomes)
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageTraining(
                lake, "ddd4", "UM5", "2025-S2", Instant.parse("2026-01-10T08:00:00Z"), new long[][] {{4, 20}});
        Path target = folder.resolve("warehouse/build.duckdb");
        try (Connection connection = WarehouseBuilder.open(folder.resolve("tamper.duckdb"));
                Statement statement = connection.createStatement()) {
            statement.execute("select 1");
        }
        // women are half of graduates in the fixture, so break the rule through a model override folder
        Path config = folder.resolve("config/models");
        copyShippedModels(config);
        Files.writeString(
                config.resolve("staging/stg_digital_training.sql"),
                Files.readString(config.resolve("staging/stg_digital_training.sql"))
                        .replace("dont_femmes,", "dont_femmes + 15 as dont_femmes,"));
        WarehouseBuilder builder = builderWithModelOverrides(lake);

        // when / then
        assertThatThrownBy(() -> builder.build(new SubmissionRegistry(lake).snapshot(), target, folder.resolve("c")))
                .isInstanceOf(DataTestFailure.class)
                .hasMessageContaining("fct_digital_training: expression [dont_femmes <= diplomes] fails on 1 row(s)");
    }

    @Test
    void anEntryCountingFewerRowsThanItsFileHoldsStopsTheBuildNamingTheSubmission() throws Exception {
        // given an entry edited to say 1 row while its staging file holds 2 (rows_read edited too, so it is consistent)
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageSemester(lake, "eee5", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 20}, new long[] {6, 8});
        LakeFixtures.editEntry(
                folder.resolve("lake"), "eee5", json -> json.replace("\"rows_read\" : 2", "\"rows_read\" : 1")
                        .replace("\"rows_accepted\" : 2", "\"rows_accepted\" : 1"));

        // when / then
        assertThatThrownBy(() -> build(lake))
                .isInstanceOf(DataTestFailure.class)
                .hasMessageContaining("fct_digital_training: submission eee5 (template digital-training, submitter UM5,"
                        + " file training-2025-S1.csv) has 2 row(s), its row in the lake table marsad.submission"
                        + " records rows_accepted = 1")
                .hasMessageContaining("hist_digital_training: submission eee5");
    }

    @Test
    void aQuarantineCountTheQuarantineDoesNotHoldStopsTheBuild() throws Exception {
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageSemester(lake, "fff6", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 20});
        LakeFixtures.editEntry(
                folder.resolve("lake"), "fff6", json -> json.replace("\"rows_read\" : 1", "\"rows_read\" : 3")
                        .replace("\"rows_quarantined\" : 0", "\"rows_quarantined\" : 2"));

        assertThatThrownBy(() -> build(lake))
                .isInstanceOf(DataTestFailure.class)
                .hasMessageContaining("submission fff6 (template digital-training, submitter UM5, file"
                        + " training-2025-S1.csv): the registry counts 2 quarantined row(s) but names no quarantine"
                        + " file");
    }

    @Test
    void aMissingOrResizedPartitionFileStopsTheBuildBeforeLoading() throws Exception {
        Lake lake = Lake.local(folder.resolve("lake"));
        LakeFixtures.stageSemester(lake, "ggg7", "UM5", "2025-07-10T08:00:00Z", new long[] {4, 20});
        LakeFixtures.stageSemester(lake, "hhh8", "UIR", "2025-07-10T08:00:00Z", new long[] {4, 20});
        Files.delete(folder.resolve("lake/staging/digital-training/period=2025-S1/submitter=UM5/ggg7.parquet"));
        LakeFixtures.editEntry(
                folder.resolve("lake"),
                "hhh8",
                json -> json.replace(
                        "\"quarantine_file\" : null", "\"quarantine_file\" : null," + " \"staging_bytes\" : 12"));
        Path target = folder.resolve("warehouse/build.duckdb");

        assertThatThrownBy(() -> builder(lake).build(new SubmissionRegistry(lake).snapshot(), target, folder))
                .isInstanceOf(DataTestFailure.class)
                .hasMessageContaining("submission ggg7 (template digital-training, submitter UM5, file"
                        + " training-2025-S1.csv): its file staging/digital-training/period=2025-S1/submitter=UM5/"
                        + "ggg7.parquet is missing from the lake")
                .hasMessageContaining("submission hhh8 (template digital-training, submitter UIR, file"
                        + " training-2025-S1.csv): its file staging/digital-training/period=2025-S1/submitter=UIR/"
                        + "hhh8.parquet has ")
                .hasMessageContaining("bytes, the registry recorded 12");
        assertThat(target).doesNotExist();
    }

    @Test
    void aFailingModelNamesItsSqlFileAndLine() throws Exception {
        Lake lake = Lake.local(folder.resolve("lake"));
        Path config = folder.resolve("config/models");
        copyShippedModels(config);
        Path model = config.resolve("staging/stg_digital_training.sql");
        // line 8 of the file reads a column the lake does not have
        Files.writeString(model, Files.readString(model).replace("    programme,", "    programe,"));
        WarehouseBuilder builder = builderWithModelOverrides(lake);

        assertThatThrownBy(() -> builder.build(
                        new SubmissionRegistry(lake).snapshot(), folder.resolve("w.duckdb"), folder.resolve("c")))
                .hasMessageContaining("SQL model stg_digital_training (" + model + ":8) failed")
                .hasMessageContaining("programe");
    }

    @Test
    void anUnknownKeyOrTestInAModelFileIsRefusedWithFileLineAndSuggestion() throws Exception {
        Path config = folder.resolve("config/models");
        copyShippedModels(config);
        Path doc = config.resolve("marts/dim_template.yml");
        String shipped = Files.readString(doc);
        Files.writeString(doc, shipped.replace("  - name: title_fr\n", "  - name: title_fr\n    tets: [not_null]\n"));

        assertThatThrownBy(() -> ModelCatalog.load(ConfigFolder.overriddenBy(folder.resolve("config"))))
                .hasMessageContaining(doc + ":8: unknown key 'tets' in columns[]")
                .hasMessageContaining("did you mean 'tests'?");

        Files.writeString(doc, shipped.replace("tests: [not_null, unique]", "tests: [not_nul, unique]"));
        assertThatThrownBy(() -> ModelCatalog.load(ConfigFolder.overriddenBy(folder.resolve("config"))))
                .hasMessageContaining(doc + ":6: unknown test 'not_nul'")
                .hasMessageContaining("did you mean 'not_null'?");
    }

    /** Builds warehouse/build.duckdb from the lake's registry. */
    private WarehouseBuilder.BuildSummary build(Lake lake) throws Exception {
        return builder(lake)
                .build(
                        new SubmissionRegistry(lake).snapshot(),
                        folder.resolve("warehouse/build.duckdb"),
                        folder.resolve("cache"));
    }

    private void copyShippedModels(Path target) throws Exception {
        for (ConfigFolder.ConfigFile file : ConfigFolder.shipped().list("models", "")) {
            Path destination = target.resolve(file.relativePath());
            Files.createDirectories(destination.getParent());
            Files.writeString(destination, file.content());
        }
    }

    private static long single(Statement statement, String sql) throws Exception {
        try (ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static WarehouseBuilder builder(Lake lake) {
        return TestWarehouses.builder(lake, TemplateCatalog.shipped());
    }

    /** A builder running the shipped models as changed in {@code config/models}. */
    private WarehouseBuilder builderWithModelOverrides(Lake lake) {
        return TestWarehouses.builder(
                lake,
                TemplateCatalog.shipped(),
                ModelCatalog.load(ConfigFolder.overriddenBy(folder.resolve("config"))));
    }
}
