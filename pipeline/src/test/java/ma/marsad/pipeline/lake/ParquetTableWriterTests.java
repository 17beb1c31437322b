package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.marsad.pipeline.template.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetTableWriterTests {

    private static final List<LakeColumn> COLUMNS = List.of(
            LakeColumn.required("id", ColumnType.TEXT),
            LakeColumn.required("code", ColumnType.TEXT),
            LakeColumn.required("submitted_at", ColumnType.DATETIME),
            LakeColumn.optional("score", ColumnType.INTEGER));

    @TempDir
    Path folder;

    @Test
    void writesValuesTypesAndTheStatisticsReadersUse() throws Exception {
        // given 1,000 rows: distinct ids, 3 codes (one string instance per row), a time per second, a score on odd rows
        Path file = folder.resolve("rows.parquet");
        LocalDateTime start = LocalDateTime.of(2026, 11, 27, 0, 0);
        try (ParquetTableWriter writer = ParquetTableWriter.create(
                new org.apache.hadoop.fs.Path(file.toUri()),
                COLUMNS,
                Lake.local(folder).configuration(),
                Set.of("id"))) {
            for (int i = 0; i < 1000; i++) {
                writer.write(new Object[] {
                    "REQ-" + (10_000 + i),
                    new String("DGI-00" + (i % 3)),
                    start.plusSeconds(i),
                    i % 2 == 1 ? (long) i : null
                });
            }
        }

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement()) {
            // then the values and types read back as written
            Map<String, String> types = new HashMap<>();
            try (ResultSet result = statement.executeQuery("describe select * from read_parquet('" + file + "')")) {
                while (result.next()) {
                    types.put(result.getString("column_name"), result.getString("column_type"));
                }
            }
            assertThat(types)
                    .containsExactlyInAnyOrderEntriesOf(
                            Map.of("id", "VARCHAR", "code", "VARCHAR", "submitted_at", "TIMESTAMP", "score", "BIGINT"));
            try (ResultSet result = statement.executeQuery("select count(*), count(distinct id), count(distinct code),"
                    + " min(submitted_at), max(submitted_at), count(score), sum(score) from read_parquet('" + file
                    + "')")) {
                result.next();
                assertThat(result.getLong(1)).isEqualTo(1000);
                assertThat(result.getLong(2)).isEqualTo(1000);
                assertThat(result.getLong(3)).isEqualTo(3);
                assertThat(result.getObject(4, LocalDateTime.class)).isEqualTo(start);
                // 999 seconds after midnight = 00:16:39
                assertThat(result.getObject(5, LocalDateTime.class))
                        .isEqualTo(LocalDateTime.of(2026, 11, 27, 0, 16, 39));
                // odd numbers 1..999: 500 of them, summing to 500² = 250,000
                assertThat(result.getLong(6)).isEqualTo(500);
                assertThat(result.getLong(7)).isEqualTo(250_000);
            }
            // and the distinct text column keeps no min/max, the others do; date-times carry no dictionary
            Map<String, String> minimums = new HashMap<>();
            Map<String, String> encodings = new HashMap<>();
            try (ResultSet result = statement.executeQuery(
                    "select path_in_schema, stats_min_value, encodings from parquet_metadata('" + file + "')")) {
                while (result.next()) {
                    minimums.put(result.getString(1), result.getString(2));
                    encodings.put(result.getString(1), result.getString(3));
                }
            }
            assertThat(minimums.get("id")).isNull();
            assertThat(minimums.get("code")).isEqualTo("DGI-000");
            assertThat(minimums.get("score")).isEqualTo("1");
            assertThat(encodings.get("submitted_at")).doesNotContain("DICTIONARY");
            assertThat(encodings.get("code")).contains("DICTIONARY");
        }
    }
}
