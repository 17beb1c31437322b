package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ma.marsad.jobs.common.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nightly --workers} and {@code worker} refuse, before starting anything, what cannot work across machines. */
class WorkersUsageTests {

    private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";

    @TempDir
    Path work;

    @Test
    void nightlyWithWorkersRefusesTheH2JobRepository() {
        Result result = run("nightly", "--work", work.toString(), "--workers", BROKER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors())
                .contains("--workers needs a job repository the manager and the workers share")
                .contains("--job-repository jdbc:postgresql://");
    }

    @Test
    void aWorkerRefusesTheH2JobRepository() {
        Result result = run("worker", "--work", work.toString(), "--broker", BROKER);

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).contains("worker needs a job repository the manager and the workers share");
    }

    @Test
    void theBrokerIsAnAmqpUri() {
        Result result = run(
                "worker",
                "--work",
                work.toString(),
                "--broker",
                "127.0.0.1:5672",
                "--job-repository",
                "jdbc:postgresql://127.0.0.1/marsad");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).contains("is a RabbitMQ URI, amqp://user:password@host:5672, not 127.0.0.1:5672");
    }

    @Test
    void workersOnALocalLakeNeedTheJdbcCatalog() {
        Result result = worker("jdbc:postgresql://127.0.0.1/marsad");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors())
                .contains("worker has several processes commit to the lake's Iceberg tables")
                .contains("--catalog jdbc:postgresql://");
    }

    @Test
    void aCatalogSetInAPropertiesFileCounts() throws Exception {
        Path properties = work.resolve("marsad.properties");
        Files.writeString(
                properties, "marsad.catalog=jdbc:postgresql://127.0.0.1:5432/marsad_no_such_database?user=postgres\n");
        System.setProperty(
                "spring.config.additional-location", properties.toUri().toString());
        try {
            Result result = worker("jdbc:postgresql://127.0.0.1:5432/marsad_no_such_database?user=postgres");

            // it goes past the catalog check, then fails on the job repository that does not exist
            assertThat(result.exitCode()).isEqualTo(ExitCodes.FAILURE);
            assertThat(result.errors()).doesNotContain("several processes commit");
        } finally {
            System.clearProperty("spring.config.additional-location");
        }
    }

    @Test
    void aQueueWithoutWorkersIsAUsageError() {
        Result result = run("nightly", "--work", work.toString(), "--queue", "marsad.ingest");

        assertThat(result.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(result.errors()).contains("--queue goes with --workers");
    }

    private record Result(int exitCode, String errors) {}

    private Result worker(String jobRepository) {
        return run("worker", "--work", work.toString(), "--broker", BROKER, "--job-repository", jobRepository);
    }

    private static Result run(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        System.setErr(new PrintStream(buffer, true, StandardCharsets.UTF_8));
        try {
            int exitCode = MarsadCommand.run(args);
            return new Result(exitCode, buffer.toString(StandardCharsets.UTF_8));
        } finally {
            System.setErr(original);
        }
    }
}
