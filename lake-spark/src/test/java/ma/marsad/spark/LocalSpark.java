package ma.marsad.spark;

import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * A Spark session in local mode whose catalog {@code marsad} is an Iceberg Hadoop catalog over a folder: the settings
 * docs/operations.md gives for a cluster, minus the cluster. Small on purpose (two cores, two shuffle partitions, no
 * UI) so a test class pays seconds, not minutes, for it.
 */
final class LocalSpark {

    static final String CATALOG = "marsad";

    private LocalSpark() {}

    /** Starts the session; the caller stops it. */
    static SparkSession withHadoopCatalog(Path warehouse) {
        return SparkSession.builder()
                .appName("marsad-lake-tests")
                .master("local[2]")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.catalog." + CATALOG, "org.apache.iceberg.spark.SparkCatalog")
                .config("spark.sql.catalog." + CATALOG + ".type", "hadoop")
                .config(
                        "spark.sql.catalog." + CATALOG + ".warehouse",
                        warehouse.toUri().toString())
                .getOrCreate();
    }
}
