package ma.marsad.pipeline.warehouse;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.template.TemplateCatalog;

/** Warehouse builders over a test lake with the shipped definitions, and table-by-table comparison of two files. */
public final class TestWarehouses {

    private TestWarehouses() {}

    public static WarehouseBuilder builder(Lake lake, TemplateCatalog catalog) {
        return builder(lake, catalog, ModelCatalog.load(ConfigFolder.shipped()));
    }

    /** A builder running these models, e.g. shipped ones changed in an override folder. */
    public static WarehouseBuilder builder(Lake lake, TemplateCatalog catalog, ModelCatalog models) {
        return new WarehouseBuilder(
                lake,
                models,
                tables(catalog),
                submitters(catalog),
                record -> "feedback/" + record.submissionId() + ".html");
    }

    /** Every template's table, its staging columns as ingestion writes them. */
    static List<TemplateTable> tables(TemplateCatalog catalog) {
        return catalog.contracts().stream()
                .map(contract -> new TemplateTable(
                        contract.id(),
                        Map.of(
                                "fr", contract.titles().fr(),
                                "ar", contract.titles().ar(),
                                "en", contract.titles().en()),
                        String.join("|", contract.formats()),
                        contract.periodType().label(),
                        SubmissionIngester.stagingColumns(contract),
                        SubmissionIngester.templateVersion(contract)))
                .toList();
    }

    private static List<Map<String, String>> submitters(TemplateCatalog catalog) {
        return catalog.submitters().stream()
                .map(s -> Map.of("code", s.code(), "name_fr", s.nameFr(), "name_ar", s.nameAr()))
                .toList();
    }

    /**
     * The differences between two warehouse files, run metadata ({@code ops_*}) aside: tables present in one only,
     * columns that differ, and per table whose checksums differ the rows of each that the other lacks (as multisets:
     * order is not part of a table, a row present twice is not the same as once), with a few of them shown. Empty when
     * they are equal.
     */
    public static List<String> differences(Path left, Path right) throws SQLException {
        List<String> differences = new ArrayList<>();
        try (Connection connection = java.sql.DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            statement.execute("attach '" + left.toAbsolutePath() + "' as l (read_only)");
            statement.execute("attach '" + right.toAbsolutePath() + "' as r (read_only)");
            List<String> leftTables = tables(statement, "l");
            List<String> rightTables = tables(statement, "r");
            if (!leftTables.equals(rightTables)) {
                differences.add("tables differ: " + leftTables + " vs " + rightTables);
                leftTables.retainAll(rightTables);
            }
            for (String table : leftTables) {
                String leftColumns = columns(statement, "l", table);
                String rightColumns = columns(statement, "r", table);
                if (!leftColumns.equals(rightColumns)) {
                    differences.add(table + ": columns " + leftColumns + " vs " + rightColumns);
                    continue;
                }
                if (!checksum(statement, "l", table).equals(checksum(statement, "r", table))) {
                    missing(statement, table, "l", "r", differences);
                    missing(statement, table, "r", "l", differences);
                }
            }
        }
        return differences;
    }

    /** Row count and the sum of the rows' hashes: independent of order, and unlike xor, a doubled row counts. */
    private static String checksum(Statement statement, String catalog, String table) throws SQLException {
        try (ResultSet result = statement.executeQuery(
                "select count(*), coalesce(sum(hash(t)::hugeint), 0) from " + catalog + ".main." + table + " as t")) {
            result.next();
            return result.getLong(1) + " " + result.getString(2);
        }
    }

    private static void missing(Statement statement, String table, String from, String other, List<String> out)
            throws SQLException {
        String query =
                "select * from " + from + ".main." + table + " except all select * from " + other + ".main." + table;
        long count;
        try (ResultSet result = statement.executeQuery("select count(*) from (" + query + ")")) {
            result.next();
            count = result.getLong(1);
        }
        if (count == 0) {
            return;
        }
        StringBuilder rows = new StringBuilder();
        try (ResultSet result = statement.executeQuery(query + " limit 3")) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                rows.append("\n      ");
                for (int i = 1; i <= columns; i++) {
                    rows.append(i == 1 ? "" : " | ").append(result.getString(i));
                }
            }
        }
        out.add(table + ": " + count + " row(s) in " + ("l".equals(from) ? "the first" : "the second")
                + " file only, e.g." + rows);
    }

    private static List<String> tables(Statement statement, String catalog) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables"
                + " where table_catalog = '" + catalog + "' and table_schema = 'main' and table_type = 'BASE TABLE'"
                + " and table_name not like 'ops\\_%' escape '\\' order by table_name")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        return tables;
    }

    private static String columns(Statement statement, String catalog, String table) throws SQLException {
        try (ResultSet result = statement.executeQuery("select string_agg(column_name || ' ' || data_type, ', '"
                + " order by ordinal_position) from information_schema.columns where table_catalog = '" + catalog
                + "' and table_schema = 'main' and table_name = '" + table + "'")) {
            result.next();
            return result.getString(1);
        }
    }
}
