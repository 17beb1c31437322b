package ma.marsad.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spark, Iceberg's Spark runtime and this JVM agree: a table is created, written, read and read back in time. */
class SparkIcebergSmokeIntegrationTests {

    @TempDir
    static Path warehouse;

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        spark = LocalSpark.session();
        LocalSpark.hadoopCatalog(spark, "smoke", warehouse);
    }

    @Test
    void writesAndReadsAnIcebergTableAndItsEarlierSnapshot() {
        // given a table with one commit of three rows
        spark.sql("create table smoke.test.requests (region string, requests bigint) using iceberg");
        spark.sql("insert into smoke.test.requests values ('01', 10), ('02', 20), ('01', 5)");
        long firstSnapshot = spark.sql("select snapshot_id from smoke.test.requests.snapshots")
                .first()
                .getLong(0);

        // when a second commit adds a row
        spark.sql("insert into smoke.test.requests values ('03', 7)");

        // then the current snapshot sees 42 requests in three regions, the first one 35 in two
        List<Row> now = spark.sql(
                        "select region, sum(requests) from smoke.test.requests group by region order by region")
                .collectAsList();
        assertThat(now)
                .extracting(row -> row.getString(0) + "=" + row.getLong(1))
                .containsExactly("01=15", "02=20", "03=7");
        long before = spark.sql("select sum(requests) from smoke.test.requests version as of " + firstSnapshot)
                .first()
                .getLong(0);
        assertThat(before).isEqualTo(35);
        assertThat(warehouse.resolve("test/requests/metadata")).isDirectory();
    }
}
