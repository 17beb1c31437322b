package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.warehouse.TestWarehouses;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.iceberg.FileScanTask;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lake on a real HDFS (an in-process NameNode and DataNode): Parquet partitions, their Iceberg tables and registry
 * entries written through the Hadoop FileSystem API, read back, and loaded into a DuckDB warehouse through the local
 * cache.
 */
class HdfsLakeIntegrationTests {

    @TempDir
    static Path hdfsFolder;

    @TempDir
    Path folder;

    private static MiniDFSCluster cluster;

    @BeforeAll
    static void startHdfs() throws Exception {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, hdfsFolder.toString());
        conf.setBoolean("dfs.permissions.enabled", false);
        cluster = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        cluster.waitActive();
    }

    @AfterAll
    static void stopHdfs() {
        if (cluster != null) {
            cluster.shutdown();
        }
    }

    @Test
    void stagesCommitsReadsAndBuildsAWarehouseFromHdfs() throws Exception {
        // given a lake on HDFS with UM5's first file (2 rows), its revision (1 row) and UIR's file (1 row)
        URI root = URI.create(cluster.getURI() + "/marsad/lake");
        Lake lake = Lake.open(root, Map.of());
        assertThat(lake.isLocal()).isFalse();
        assertThat(lake.root().toUri().getScheme()).isEqualTo("hdfs");
        LakeFixtures.stageRevisionAndAnotherSubmitter(lake);

        // when the registry is read back from HDFS
        SubmissionRegistry registry = new SubmissionRegistry(lake);
        List<SubmissionRecord> records = registry.all();

        // then the three entries are there, in revision order (received_at), with their files on HDFS
        assertThat(records).extracting(SubmissionRecord::submissionId).containsExactly("ccc3", "aaa1", "bbb2");
        assertThat(registry.find("bbb2"))
                .get()
                .extracting(SubmissionRecord::rowsAccepted)
                .isEqualTo(1L);
        assertThat(lake.exists(lake.staging("digital-training", "2025-S1", "UIR", "ccc3")))
                .isTrue();

        // and the Iceberg table on HDFS, opened by a catalog of its own, lists the current files, one snapshot per
        // commit: UM5's first file, its revision replacing it, UIR's file
        Table training = new HadoopCatalog(
                        lake.configuration(), IcebergLake.warehouse(lake).toString())
                .loadTable(IcebergLake.templateTable("digital-training"));
        assertThat(training.snapshots())
                .extracting(Snapshot::operation)
                .containsExactly("append", "overwrite", "append");
        List<String> current = new ArrayList<>();
        try (CloseableIterable<FileScanTask> tasks = training.newScan().planFiles()) {
            tasks.forEach(task -> current.add(task.file().location()));
        }
        assertThat(current)
                .hasSize(2)
                .allMatch(location -> location.startsWith("hdfs://"))
                .anyMatch(location -> location.endsWith("/bbb2.parquet"))
                .anyMatch(location -> location.endsWith("/ccc3.parquet"));

        // when a warehouse is built from the lake
        Path cache = folder.resolve("cache");
        Path target = folder.resolve("warehouse/build.duckdb");
        WarehouseBuilder.BuildSummary summary =
                TestWarehouses.builder(lake, TemplateCatalog.shipped()).build(registry.snapshot(), target, cache);

        // then current rows are UM5's revision (1 row, 120 graduates) and UIR's (1 row, 30): 2 rows, 150 graduates;
        // history keeps all 4 rows: the 2 current ones and UM5's superseded 2
        assertThat(summary.tableRows()).containsEntry("fct_digital_training", 2L);
        assertThat(summary.tableRows()).containsEntry("superseded_digital_training", 2L);
        try (Connection connection = WarehouseBuilder.openReadOnly(target);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select sum(diplomes) from fct_digital_training")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(150L);
        }
        // DuckDB read local copies: one per submission file, named after its partition folder and submission id
        try (Stream<Path> cached = Files.list(cache)) {
            assertThat(cached.map(path -> path.getFileName().toString()))
                    .contains("submitter=UM5-aaa1.parquet", "submitter=UM5-bbb2.parquet", "submitter=UIR-ccc3.parquet")
                    .noneMatch(name -> name.endsWith(".partial"));
        }
    }
}
