package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.marsad.pipeline.warehouse.Instants;

/** The {@code kpi_value} rows a warehouse holds, by KPI: what an incremental night starts from. */
final class PublishedValues {

    private PublishedValues() {}

    static Map<String, List<KpiMartWriter.ValueRow>> read(Connection warehouse) throws SQLException {
        Map<String, List<KpiMartWriter.ValueRow>> values = new TreeMap<>();
        if (!WarehouseTables.of(warehouse).exists("kpi_value") || !countsSourceRows(warehouse)) {
            return values;
        }
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery("select kpi_id, period, period_end, region_code, value,"
                        + " known_at, is_latest_vintage, array_to_string(submission_ids, ','),"
                        + " array_to_string(list_transform(source_rows, n -> coalesce(cast(n as varchar), '')), ',')"
                        + " from main.kpi_value")) {
            while (result.next()) {
                KpiObservation observation = new KpiObservation(
                        result.getString(2),
                        result.getDate(3).toLocalDate(),
                        result.getString(4),
                        result.getDouble(5),
                        result.getString(8),
                        Instants.utc(result, 6),
                        result.getString(9));
                values.computeIfAbsent(result.getString(1), id -> new ArrayList<>())
                        .add(new KpiMartWriter.ValueRow(result.getString(1), observation, result.getBoolean(7)));
            }
        }
        return values;
    }

    /** A warehouse written before kpi_value counted its source rows has none to keep: every KPI is scored again. */
    private static boolean countsSourceRows(Connection warehouse) throws SQLException {
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery("select count(*) > 0 from information_schema.columns"
                        + " where table_catalog = current_database() and table_schema = 'main'"
                        + " and table_name = 'kpi_value' and column_name = 'source_rows'")) {
            result.next();
            return result.getBoolean(1);
        }
    }
}
