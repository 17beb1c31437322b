package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The snapshot of each lake table a warehouse was built from ({@code ops_lake_snapshot}): the next night reads what
 * changed in the lake from the snapshots after these.
 */
final class LakeSnapshotIds {

    static final String TABLE = "ops_lake_snapshot";

    private LakeSnapshotIds() {}

    static void write(Connection warehouse, Map<String, Long> ids) throws SQLException {
        SqlScript.execute(warehouse, LakeSnapshotIds.class, "lake-snapshot.sql");
        List<Object[]> rows = new ArrayList<>();
        new TreeMap<>(ids).forEach((table, id) -> rows.add(new Object[] {table, id}));
        Rows.append(warehouse, "main", TABLE, rows);
    }

    /** The ids a warehouse recorded, or empty for a file built before warehouses recorded them. */
    static Optional<Map<String, Long>> read(Connection warehouse) throws SQLException {
        if (!BuildState.hasTable(warehouse, TABLE)) {
            return Optional.empty();
        }
        Map<String, Long> ids = new TreeMap<>();
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery("select table_name, snapshot_id from main." + TABLE)) {
            while (result.next()) {
                ids.put(result.getString(1), result.getLong(2));
            }
        }
        return Optional.of(ids);
    }
}
