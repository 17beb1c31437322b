package ma.marsad.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark SQL equivalents of some of the catalogue's KPIs ({@code src/test/resources/spark-kpis/<id>.sql}). Like the
 * KPI engine's SQL they read their template's rows by an unqualified name ({@code egov_requests}), so the caller
 * decides which snapshot of the lake that name shows.
 */
final class SparkKpis {

    private SparkKpis() {}

    /** The KPI's values, keyed {@code "<period> <region>"}; rows without a value are left out, as the engine does. */
    static Map<String, Double> values(SparkSession spark, String kpiId) {
        Map<String, Double> values = new TreeMap<>();
        for (Row row : spark.sql(sql(kpiId)).collectAsList()) {
            if (!row.isNullAt(2)) {
                values.put(row.getString(0) + " " + row.getString(1), ((Number) row.get(2)).doubleValue());
            }
        }
        return values;
    }

    private static String sql(String kpiId) {
        String resource = "/spark-kpis/" + kpiId + ".sql";
        try (InputStream in = SparkKpis.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no Spark SQL for KPI " + kpiId + ": add " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
