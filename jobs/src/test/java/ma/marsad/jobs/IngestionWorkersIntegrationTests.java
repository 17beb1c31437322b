package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import ma.marsad.pipeline.lake.IcebergLake;
import ma.marsad.pipeline.lake.Lake;
import org.apache.iceberg.Snapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;

/**
 * The ingest step over RabbitMQ: a nightly manager and two worker JVMs on loopback, the job repository on PostgreSQL
 * ({@code MARSAD_TEST_POSTGRES_URL}, a database of its own per test), a landing zone of 50+ submissions. The warehouse
 * equals a local run's; a worker killed in the middle of a partition fails the run naming the partition, and the rerun
 * completes it without committing any submission twice. Needs RabbitMQ on 127.0.0.1:5672 (guest/guest): skipped when
 * it is absent, except under CI.
 */
class IngestionWorkersIntegrationTests {

    private static final String BROKER = "amqp://guest:guest@127.0.0.1:5672";
    private static final Duration READY = Duration.ofMinutes(1);

    @TempDir
    static Path root;

    static String adminUrl;
    static Path landing;
    static int submissions;
    static Map<String, WarehouseChecksums.TableChecksum> local;
    static int localExit;

    final List<String> databases = new ArrayList<>();
    final List<String> queues = new ArrayList<>();
    final List<NightlyProcess> workers = new ArrayList<>();

    @BeforeAll
    static void brokerDatabaseAndALocalRun() throws Exception {
        boolean ci = "true".equals(System.getenv("CI"));
        if (!brokerAnswers()) {
            String reason = "no RabbitMQ on 127.0.0.1:5672: cannot test the ingestion workers";
            if (ci) {
                throw new IllegalStateException(reason);
            }
            Assumptions.abort(reason);
        }
        adminUrl = System.getenv("MARSAD_TEST_POSTGRES_URL");
        if (adminUrl == null || adminUrl.isBlank()) {
            String reason = "no MARSAD_TEST_POSTGRES_URL (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres):"
                    + " the workers need a shared job repository";
            if (ci) {
                throw new IllegalStateException(reason);
            }
            Assumptions.abort(reason);
        }
        landing = TestLandingZones.subset(TestLandingZones.demo(root), root.resolve("landing"), 3, 0);
        Path work = root.resolve("local");
        Path log = root.resolve("local.log");
        localExit = NightlyProcess.run(log, Map.of(), NightlyProcess.nightly(work, landing, "--quiet"));
        assertThat(localExit).as(Files.readString(log)).isIn(0, 3);
        local = WarehouseChecksums.of(work.resolve("warehouse/marsad.duckdb"));
        submissions = committedSubmissions(work, null).size();
        assertThat(submissions).isGreaterThanOrEqualTo(50);
        assertThat(local.get("main.\"kpi_latest\"").rows()).isPositive();
    }

    @AfterEach
    void stopWorkersAndDropDatabases() throws Exception {
        for (NightlyProcess worker : workers) {
            worker.process().destroyForcibly().waitFor();
        }
        CachingConnectionFactory connections = new CachingConnectionFactory(java.net.URI.create(BROKER));
        try {
            RabbitAdmin admin = new RabbitAdmin(connections);
            queues.forEach(admin::deleteQueue);
        } finally {
            connections.destroy();
        }
        try (Connection admin = DriverManager.getConnection(adminUrl);
                Statement statement = admin.createStatement()) {
            for (String database : databases) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    @Test
    void twoWorkersBuildTheWarehouseOfALocalRun() throws Exception {
        Path work = root.resolve("two-workers");
        String repository = newDatabase();
        String queue = newQueue();
        NightlyProcess first = startWorker(work, repository, queue, "first", Map.of());
        NightlyProcess second = startWorker(work, repository, queue, "second", Map.of());
        awaitReady(first, second);

        Path log = root.resolve("two-workers.log");
        int exit = NightlyProcess.run(log, Map.of(), manager(work, repository, queue));

        assertThat(exit).as(Files.readString(log)).isEqualTo(localExit);
        assertThat(WarehouseChecksums.of(work.resolve("warehouse/marsad.duckdb")))
                .isEqualTo(local);
        assertThat(committedSubmissions(work, repository)).hasSize(submissions);
        // both workers took partitions, and the manager ran none
        assertThat(first.logText()).contains(" rows/s");
        assertThat(second.logText()).contains(" rows/s");
        assertThat(count(
                        repository,
                        "select count(*) from batch_step_execution"
                                + " where step_name like 'ingestSubmissionStep:%' and status = 'COMPLETED'"))
                .isEqualTo(submissions);
    }

    @Test
    void aWorkerKilledInAPartitionFailsTheRunNamingItAndTheRerunCompletesIt() throws Exception {
        Path work = root.resolve("killed-worker");
        String repository = newDatabase();
        String queue = newQueue();
        // halts as after SIGKILL once it has committed its first submission, before its partition has ended
        NightlyProcess doomed = startWorker(work, repository, queue, "doomed", Map.of("MARSAD_FAULT_AT", "ingest"));
        NightlyProcess surviving = startWorker(work, repository, queue, "surviving", Map.of());
        awaitReady(doomed, surviving);

        Path log = root.resolve("killed-worker.log");
        int failed = NightlyProcess.run(log, Map.of(), manager(work, repository, queue));

        String failedRun = Files.readString(log);
        assertThat(doomed.waitFor()).isEqualTo(137);
        assertThat(failed).as(failedRun).isEqualTo(1);
        assertThat(failedRun)
                .contains("1 partition(s) not ingested by the workers: submission-")
                .contains("the worker running this partition stopped before it ended");
        Map<String, Long> committed = committedSubmissions(work, repository);

        Path rerunLog = root.resolve("killed-worker-rerun.log");
        int rerun = NightlyProcess.run(rerunLog, Map.of(), manager(work, repository, queue));

        assertThat(rerun).as(Files.readString(rerunLog)).isEqualTo(localExit);
        assertThat(WarehouseChecksums.of(work.resolve("warehouse/marsad.duckdb")))
                .isEqualTo(local);
        // one commit per submission, and those of the failed run kept: none committed twice
        Map<String, Long> afterRerun = committedSubmissions(work, repository);
        assertThat(afterRerun).hasSize(submissions).containsAllEntriesOf(committed);
        // the rerun redid the one failed partition only
        assertThat(count(
                        repository,
                        "select count(*) from batch_step_execution s join batch_job_execution j"
                                + " on j.job_execution_id = s.job_execution_id where s.step_name like 'ingestSubmissionStep:%'"
                                + " and j.job_execution_id = (select max(job_execution_id) from batch_job_execution)"))
                .isEqualTo(1);
    }

    private NightlyProcess startWorker(
            Path work, String repository, String queue, String name, Map<String, String> environment) throws Exception {
        Path log = root.resolve(work.getFileName() + "-" + name + ".log");
        NightlyProcess worker = NightlyProcess.start(
                log,
                environment,
                "worker",
                "--broker",
                BROKER,
                "--queue",
                queue,
                "--work",
                work.toString(),
                "--job-repository",
                repository,
                "--catalog",
                repository);
        workers.add(worker);
        return worker;
    }

    private static void awaitReady(NightlyProcess... workers) throws Exception {
        long deadline = System.nanoTime() + READY.toNanos();
        for (NightlyProcess worker : workers) {
            while (!worker.logText().contains("worker ready")) {
                if (!worker.process().isAlive() || System.nanoTime() > deadline) {
                    throw new AssertionError("a worker did not start; its log:\n" + worker.logText());
                }
                Thread.sleep(200);
            }
        }
    }

    private static String[] manager(Path work, String repository, String queue) {
        return NightlyProcess.nightly(
                work,
                landing,
                "--workers",
                BROKER,
                "--queue",
                queue,
                "--job-repository",
                repository,
                "--catalog",
                repository);
    }

    private String newDatabase() throws Exception {
        String database = "marsad_workers_"
                + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(adminUrl);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        databases.add(database);
        return PostgresJobRepositoryIntegrationTests.withDatabase(adminUrl, database);
    }

    private String newQueue() {
        String queue = "marsad.test." + UUID.randomUUID();
        queues.add(queue);
        return queue;
    }

    /**
     * The submissions the lake's registry table {@code marsad.submission} committed, each with the snapshot that did;
     * fails when its history holds two commits of one submission.
     */
    private static Map<String, Long> committedSubmissions(Path work, String catalog) throws Exception {
        Lake lake = Lake.local(work.resolve("lake"));
        try (IcebergLake iceberg = IcebergLake.open(lake, catalog)) {
            Map<String, Long> commits = new TreeMap<>();
            for (Snapshot snapshot :
                    iceberg.catalog().loadTable(IcebergLake.submissionTable()).snapshots()) {
                String id = snapshot.summary().get(IcebergLake.SUBMISSION_PROPERTY);
                if (id != null) {
                    assertThat(commits.put(id, snapshot.snapshotId()))
                            .as("submission %s committed twice", id)
                            .isNull();
                }
            }
            return commits;
        }
    }

    private static long count(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    private static boolean brokerAnswers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", 5672), 2000);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
