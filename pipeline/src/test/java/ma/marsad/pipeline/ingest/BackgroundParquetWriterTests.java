package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.LakeColumn;
import ma.marsad.pipeline.lake.ParquetTableWriter;
import ma.marsad.pipeline.template.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundParquetWriterTests {

    private static final List<LakeColumn> COLUMNS =
            List.of(LakeColumn.required("n", ColumnType.INTEGER), LakeColumn.optional("label", ColumnType.TEXT));

    @TempDir
    Path folder;

    @Test
    void writesEveryRowInTheOrderGiven() throws Exception {
        // given more rows than two batches and a partial last batch: 2 × 2048 + 5 = 4101
        Lake lake = Lake.local(folder.resolve("lake"));
        Path file = folder.resolve("rows.parquet");
        int rows = 2 * BackgroundParquetWriter.BATCH_ROWS + 5;

        // when
        try (BackgroundParquetWriter writer = new BackgroundParquetWriter(
                ParquetTableWriter.create(new org.apache.hadoop.fs.Path(file.toUri()), COLUMNS, lake.configuration()),
                "test")) {
            for (long n = 1; n <= rows; n++) {
                writer.write(new Object[] {n, n % 3 == 0 ? null : "row " + n});
            }
        }

        // then the file has 4101 rows, numbered 1..4101 in file order; every third label (1367 of them) is null
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery(
                        "select count(*), count(label)," + " bool_and(n = file_row_number + 1) from read_parquet('"
                                + file + "', file_row_number = true)")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(4101);
            assertThat(result.getLong(2)).isEqualTo(4101 - 1367);
            assertThat(result.getBoolean(3)).isTrue();
        }
    }

    @Test
    void aFailureOfTheWriterReachesTheCaller() throws Exception {
        // given a row without its required column n, written on the writer's thread
        Lake lake = Lake.local(folder.resolve("lake"));
        BackgroundParquetWriter writer = new BackgroundParquetWriter(
                ParquetTableWriter.create(
                        new org.apache.hadoop.fs.Path(
                                folder.resolve("bad.parquet").toUri()),
                        COLUMNS,
                        lake.configuration()),
                "test");
        writer.write(new Object[] {null, "no number"});

        // when / then the writer's exception is thrown on the caller's thread at the latest on close
        assertThatThrownBy(writer::close)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column n is required");
    }

    @Test
    void anInterruptedCallerStopsTheWriterAndKeepsItsInterruptFlag() throws Exception {
        // given a writer with a queued row, and a caller interrupted before it closes
        Lake lake = Lake.local(folder.resolve("lake"));
        BackgroundParquetWriter writer = new BackgroundParquetWriter(
                ParquetTableWriter.create(
                        new org.apache.hadoop.fs.Path(
                                folder.resolve("abandoned.parquet").toUri()),
                        COLUMNS,
                        lake.configuration()),
                "test");
        writer.write(new Object[] {1L, "one"});
        Thread.currentThread().interrupt();

        // when / then close reports the interruption, after the writer thread has stopped, and keeps the flag set
        try {
            assertThatThrownBy(writer::close).isInstanceOf(java.io.InterruptedIOException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
