package ma.marsad.jobs;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;

/**
 * A checksum per warehouse table that ignores row order but sees a duplicated or a missing row: rows are hashed,
 * identical rows counted, and the (hash, count) pairs combined with XOR. Plain XOR of row hashes would let a row that
 * appears twice cancel out.
 */
final class WarehouseChecksums {

    record TableChecksum(long rows, long checksum) {}

    private WarehouseChecksums() {}

    /** Every table of the published warehouse except the run metadata ({@code ops_*}). */
    static Map<String, TableChecksum> of(Path warehouse) throws SQLException {
        try (Connection connection = WarehouseBuilder.openReadOnly(warehouse)) {
            return of(connection);
        }
    }

    static Map<String, TableChecksum> of(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select table_schema || '.\"' || table_name || '\"'"
                        + " from information_schema.tables where table_type = 'BASE TABLE'"
                        + " and table_name not like 'ops\\_%' escape '\\' order by 1")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        Map<String, TableChecksum> checksums = new TreeMap<>();
        for (String table : tables) {
            try (Statement statement = connection.createStatement();
                    ResultSet result = statement.executeQuery("select coalesce(sum(copies), 0),"
                            + " coalesce(bit_xor(hash(row_hash, copies)), 0) from (select hash(r) as row_hash,"
                            + " count(*) as copies from " + table + " r group by all)")) {
                result.next();
                checksums.put(table, new TableChecksum(result.getLong(1), result.getLong(2)));
            }
        }
        return checksums;
    }
}
