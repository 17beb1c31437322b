package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.warehouse.SqlScript;

/** Test warehouses: contract tables from test resources, and queries returning plain rows. */
final class Warehouses {

    private Warehouses() {}

    static void run(Connection connection, String resource) throws SQLException {
        SqlScript.execute(connection, Warehouses.class, resource);
    }

    static List<Map<String, Object>> rows(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            ResultSetMetaData meta = result.getMetaData();
            while (result.next()) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), result.getObject(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    static Map<String, Object> single(Connection connection, String sql) throws SQLException {
        List<Map<String, Object>> rows = rows(connection, sql);
        if (rows.size() != 1) {
            throw new AssertionError("expected one row from " + sql + " but got " + rows);
        }
        return rows.get(0);
    }
}
