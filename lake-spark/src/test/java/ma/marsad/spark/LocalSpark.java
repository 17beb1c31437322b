package ma.marsad.spark;

import java.nio.file.Path;
import ma.marsad.pipeline.lake.IcebergLake;
import org.apache.spark.sql.SparkSession;

/**
 * One Spark session in local mode for the whole test JVM (a JVM holds one SparkContext; starting it costs seconds), and
 * Iceberg Hadoop catalogs registered on it by name: the settings docs/operations.md gives for a cluster, minus the
 * cluster. Small on purpose: two cores, two shuffle partitions, no UI.
 */
final class LocalSpark {

    private static SparkSession session;

    private LocalSpark() {}

    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder()
                    .appName("marsad-lake-tests")
                    .master("local[2]")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "2")
                    .config("spark.default.parallelism", "2")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.sql.session.timeZone", "UTC")
                    .getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /**
     * Registers catalog {@code name}: Iceberg's Hadoop catalog over {@code warehouse}, without Spark's table cache, so
     * every query sees the latest commit even when another process made it.
     */
    static void hadoopCatalog(SparkSession spark, String name, Path warehouse) {
        String prefix = "spark.sql.catalog." + name;
        spark.conf().set(prefix, "org.apache.iceberg.spark.SparkCatalog");
        spark.conf().set(prefix + ".type", "hadoop");
        spark.conf().set(prefix + ".warehouse", warehouse.toUri().toString());
        spark.conf().set(prefix + ".cache-enabled", "false");
    }

    /** The session, with the Iceberg tables of a work folder's lake as catalog {@code marsad}, as a night wrote them. */
    static SparkSession overLakeOf(Path work) {
        SparkSession spark = session();
        hadoopCatalog(spark, IcebergLake.CATALOG_NAME, work.resolve("lake").resolve(IcebergLake.WAREHOUSE_FOLDER));
        return spark;
    }
}
