package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.marsad.pipeline.template.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StagingParquetWriterTests {

    /** One column of each type, required and optional. */
    private static final List<LakeColumn> COLUMNS = List.of(
            LakeColumn.required("id", ColumnType.TEXT),
            LakeColumn.required("code", ColumnType.ENUM),
            LakeColumn.optional("region", ColumnType.REGION),
            LakeColumn.optional("quarter", ColumnType.QUARTER),
            LakeColumn.required("at", ColumnType.DATETIME),
            LakeColumn.optional("day", ColumnType.DATE),
            LakeColumn.optional("year", ColumnType.YEAR),
            LakeColumn.optional("count", ColumnType.INTEGER),
            LakeColumn.optional("amount", ColumnType.DECIMAL));

    private static final int ROWS = 5000;

    @TempDir
    Path folder;

    @Test
    void writesTheRowsTheRowWriterWritesWithTheirLineage() throws Exception {
        // given 5,000 rows of every type with nulls, and their lineage, in blocks of 64
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(new Object[] {
                "R" + i,
                i % 2 == 0 ? "web" : "counter",
                i % 5 == 0 ? null : String.format("%02d", 1 + i % 12),
                i % 7 == 0 ? null : "2026-Q" + (1 + i % 4),
                LocalDateTime.of(2026, 11, 27, 0, 0).plusSeconds(i * 17L),
                i % 3 == 0 ? null : LocalDate.of(2026, 1, 1).plusDays(i % 365),
                i % 4 == 0 ? null : 2020 + i % 10,
                i % 6 == 0 ? null : (long) i * 1000,
                i % 8 == 0 ? null : i / 7.0
            });
        }
        Path staging = folder.resolve("staging.parquet");
        var conf = Lake.local(folder).configuration();
        try (StagingParquetWriter writer = StagingParquetWriter.create(
                new org.apache.hadoop.fs.Path(staging.toUri()), COLUMNS, conf, Set.of("id"), "ADD", "sub-1")) {
            StagingRows block =
                    new StagingRows(COLUMNS.stream().map(LakeColumn::type).toList(), 64);
            for (int i = 0; i < ROWS; i++) {
                for (int column = 0; column < COLUMNS.size(); column++) {
                    block.values().set(column, block.size(), rows.get(i)[column]);
                }
                block.commit(i + 1, i + 2, i % 10 == 0 ? "Feuil1!" + (i + 2) : null);
                if (block.isFull() || i == ROWS - 1) {
                    writer.write(block, "2026-11-27");
                    block.clear();
                }
            }
        }
        // and the same rows through the row writer, lineage included
        Path expected = folder.resolve("expected.parquet");
        List<LakeColumn> withLineage = new ArrayList<>(COLUMNS);
        withLineage.addAll(QuarantineColumns.LINEAGE);
        try (ParquetTableWriter writer = ParquetTableWriter.create(
                new org.apache.hadoop.fs.Path(expected.toUri()), withLineage, conf, Set.of("id"))) {
            for (int i = 0; i < ROWS; i++) {
                Object[] row = java.util.Arrays.copyOf(rows.get(i), withLineage.size());
                int lineage = COLUMNS.size();
                row[lineage] = "2026-11-27";
                row[lineage + 1] = "ADD";
                row[lineage + 2] = "sub-1";
                row[lineage + 3] = (long) i + 1;
                row[lineage + 4] = i % 10 == 0 ? "Feuil1!" + (i + 2) : "line " + (i + 2);
                writer.write(row);
            }
        }

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            // then both files hold the same rows in the same order, with the same column types
            assertThat(count(
                            statement,
                            "select * from (select *, file_row_number from read_parquet('" + staging
                                    + "', file_row_number = true) except all select *, file_row_number from read_parquet('"
                                    + expected + "', file_row_number = true))"))
                    .isZero();
            assertThat(count(statement, "select * from read_parquet('" + staging + "')"))
                    .isEqualTo(ROWS);
            assertThat(types(statement, staging)).isEqualTo(types(statement, expected));
            // ZSTD everywhere; statistics everywhere but on the id and the lineage that is one value per file
            try (ResultSet result = statement.executeQuery(
                    "select path_in_schema, any_value(compression), bool_and(stats_min_value is not null)"
                            + " from parquet_metadata('" + staging + "') group by path_in_schema")) {
                Map<String, Boolean> statistics = new HashMap<>();
                while (result.next()) {
                    assertThat(result.getString(2)).isEqualTo("ZSTD");
                    statistics.put(result.getString(1), result.getBoolean(3));
                }
                assertThat(statistics)
                        .containsEntry("code", true)
                        .containsEntry("at", true)
                        .containsEntry("source_row", true)
                        .containsEntry("id", false)
                        .containsEntry("period", false)
                        .containsEntry("submitter", false)
                        .containsEntry("submission_id", false);
            }
        }
    }

    private static long count(Statement statement, String query) throws Exception {
        try (ResultSet result = statement.executeQuery("select count(*) from (" + query + ")")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static Map<String, String> types(Statement statement, Path file) throws Exception {
        Map<String, String> types = new HashMap<>();
        try (ResultSet result = statement.executeQuery("describe select * from read_parquet('" + file + "')")) {
            while (result.next()) {
                types.put(result.getString("column_name"), result.getString("column_type"));
            }
        }
        return types;
    }
}
