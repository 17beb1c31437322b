package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The persistent tables and views of the warehouse's main schema, and the warehouse's catalog name. */
record WarehouseTables(String database, Set<String> names) {

    static WarehouseTables of(Connection warehouse) throws SQLException {
        try (Statement statement = warehouse.createStatement()) {
            String database;
            try (ResultSet result = statement.executeQuery("select current_database()")) {
                result.next();
                database = result.getString(1);
            }
            Set<String> names = new HashSet<>();
            try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_catalog = current_database() and table_schema = 'main'")) {
                while (result.next()) {
                    names.add(result.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return new WarehouseTables(database, Set.copyOf(names));
        }
    }

    boolean exists(String table) {
        return names.contains(table.toLowerCase(Locale.ROOT));
    }

    /** {@code "<database>".main.<table>}: a name that a temporary view of the same name cannot shadow. */
    String qualified(String table) {
        return '"' + database.replace("\"", "\"\"") + "\".main." + table;
    }
}
