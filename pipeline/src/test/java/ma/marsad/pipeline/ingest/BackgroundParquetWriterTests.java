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
import ma.marsad.pipeline.lake.StagingParquetWriter;
import ma.marsad.pipeline.lake.StagingRows;
import ma.marsad.pipeline.template.ColumnType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackgroundParquetWriterTests {

    private static final List<LakeColumn> COLUMNS =
            List.of(LakeColumn.required("n", ColumnType.INTEGER), LakeColumn.optional("label", ColumnType.TEXT));
    private static final int BLOCK = 16;

    private static StagingParquetWriter staging(Path file, Lake lake) throws java.io.IOException {
        return StagingParquetWriter.create(
                new org.apache.hadoop.fs.Path(file.toUri()),
                COLUMNS,
                lake.configuration(),
                java.util.Set.of(),
                "ADD",
                "sub-1");
    }

    private static StagingRows block() {
        return new StagingRows(List.of(ColumnType.INTEGER, ColumnType.TEXT), BLOCK);
    }

    /** A block holding one row {n, text}, of data row 1 on line 2. */
    private static StagingRows oneRow(Long n, String text) {
        StagingRows block = block();
        block.values().set(0, 0, n);
        block.values().set(1, 0, text);
        block.commit(1, 2, null);
        return block;
    }

    @TempDir
    Path folder;

    private BackgroundParquetWriter writer(String fileName) throws java.io.IOException {
        Lake lake = Lake.local(folder.resolve("lake"));
        return new BackgroundParquetWriter(staging(folder.resolve(fileName), lake), "test");
    }

    @Test
    void writesEveryRowInTheOrderGiven() throws Exception {
        // given 4101 rows in blocks of 16, one reused block, more blocks than the writer's pool and queue
        Lake lake = Lake.local(folder.resolve("lake"));
        Path file = folder.resolve("rows.parquet");
        int rows = 4101;

        // when
        try (BackgroundParquetWriter writer = new BackgroundParquetWriter(staging(file, lake), "test")) {
            StagingRows block = block();
            for (int n = 1; n <= rows; n++) {
                block.values().set(0, block.size(), (long) n);
                block.values().set(1, block.size(), n % 3 == 0 ? null : "row " + n);
                block.commit(n, n + 1, null);
                if (block.isFull() || n == rows) {
                    writer.write(block, "2026-11-27");
                    block.clear();
                }
            }
        }

        // then the file has 4101 rows, numbered 1..4101 in file order; every third label (1367 of them) is null;
        // lineage: the period, submitter and submission on every row, the source row, and the line as "line N"
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = duckdb.createStatement();
                ResultSet result = statement.executeQuery("select count(*), count(label),"
                        + " bool_and(n = file_row_number + 1), bool_and(source_row = n),"
                        + " bool_and(source_cell = 'line ' || (n + 1)), count(distinct (period, submitter, submission_id)),"
                        + " min(period), min(submission_id) from read_parquet('"
                        + file + "', file_row_number = true)")) {
            result.next();
            assertThat(result.getLong(1)).isEqualTo(4101);
            assertThat(result.getLong(2)).isEqualTo(4101 - 1367);
            assertThat(result.getBoolean(3)).isTrue();
            assertThat(result.getBoolean(4)).isTrue();
            assertThat(result.getBoolean(5)).isTrue();
            assertThat(result.getLong(6)).isEqualTo(1);
            assertThat(result.getString(7)).isEqualTo("2026-11-27");
            assertThat(result.getString(8)).isEqualTo("sub-1");
        }
    }

    @Test
    void aFailureOfTheWriterReachesTheCaller() throws Exception {
        // given a row without its required column n, written on the writer's thread
        BackgroundParquetWriter writer = writer("bad.parquet");
        StagingRows block = oneRow(null, "no number");
        writer.write(block, "2026-11-27");

        // when / then the writer's exception is thrown on the caller's thread at the latest on close
        assertThatThrownBy(writer::close)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("column n is required");
    }

    @Test
    void anInterruptedCallerStopsTheWriterAndKeepsItsInterruptFlag() throws Exception {
        // given a writer with a queued row, and a caller interrupted before it closes
        BackgroundParquetWriter writer = writer("abandoned.parquet");
        StagingRows block = oneRow(1L, "one");
        writer.write(block, "2026-11-27");
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
