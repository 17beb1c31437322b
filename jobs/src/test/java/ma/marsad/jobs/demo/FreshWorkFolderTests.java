package ma.marsad.jobs.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import ma.marsad.jobs.common.WorkFolderLock;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FreshWorkFolderTests {

    @TempDir
    Path work;

    @Test
    void freshEmptiesTheWorkFolderButKeepsWhatReadersHaveOpen() throws Exception {
        // given a work folder after a run: lake, landing, job repository, a published warehouse and site
        Files.createDirectories(work.resolve("lake/_registry"));
        Files.writeString(work.resolve("lake/_registry/entry.json"), "{}");
        Files.createDirectories(work.resolve("landing/egov-requests/ADD"));
        Files.createDirectories(work.resolve("jobrepo"));
        Files.createDirectories(work.resolve("warehouse/versions"));
        Files.writeString(work.resolve("warehouse/versions/marsad-1.duckdb"), "old");
        Path published = work.resolve("warehouse/marsad.duckdb");
        try (Connection connection = WarehouseBuilder.open(published);
                Statement statement = connection.createStatement()) {
            statement.execute("create table kpi_latest as select 'EGOV-03' as kpi_id");
        }
        Files.createDirectories(work.resolve("site-versions/abc"));
        Files.writeString(work.resolve("site-versions/abc/index.html"), "<html>");
        Files.createSymbolicLink(work.resolve("site"), Path.of("site-versions/abc"));

        // when
        boolean emptied = FreshWorkFolder.empty(work);

        // then the working state is gone and the published warehouse and site still open
        assertThat(emptied).isTrue();
        assertThat(work.resolve("lake")).doesNotExist();
        assertThat(work.resolve("landing")).doesNotExist();
        assertThat(work.resolve("jobrepo")).doesNotExist();
        assertThat(work.resolve("warehouse/versions")).doesNotExist();
        try (Connection connection = WarehouseBuilder.openReadOnly(published);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select kpi_id from kpi_latest")) {
            assertThat(result.next()).isTrue();
            assertThat(result.getString(1)).isEqualTo("EGOV-03");
        }
        assertThat(work.resolve("site/index.html")).hasContent("<html>");
    }

    @Test
    void freshDeletesNothingWhileAnotherRunHoldsTheWorkFolder() throws Exception {
        Files.createDirectories(work.resolve("lake"));
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        LockHolder.class.getName(),
                        work.toString())
                .redirectErrorStream(true)
                .start();
        try (BufferedReader output =
                new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertThat(output.readLine()).isEqualTo("locked");

            assertThat(FreshWorkFolder.empty(work)).isFalse();
            assertThat(work.resolve("lake")).isDirectory();
        } finally {
            holder.destroyForcibly().waitFor();
        }
    }

    /** Holds the work-folder lock in a process of its own, as a running nightly job does. */
    static final class LockHolder {
        public static void main(String[] args) throws Exception {
            try (var lock = WorkFolderLock.tryAcquire(Path.of(args[0])).orElseThrow()) {
                System.out.println("locked");
                System.out.flush();
                Thread.sleep(60_000);
            }
        }
    }
}
