package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The nightly job with its job repository on a real PostgreSQL: a Testcontainers server when a Docker engine is
 * available, else the server named by {@code MARSAD_TEST_POSTGRES_URL} (e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/test?user=postgres}). Each run of this class works in a database of its own,
 * dropped at the end. The schema must be created by the first run and reused by the next ones; a run killed midway is
 * restarted, same job instance, by the next.
 */
class PostgresJobRepositoryIntegrationTests {

    private static PostgreSQLContainer container;
    private static String adminUrl;
    private static String database;
    private static String repositoryUrl;

    @TempDir
    static Path root;

    @BeforeAll
    static void createDatabase() throws Exception {
        String fromEnvironment = System.getenv("MARSAD_TEST_POSTGRES_URL");
        if (dockerAvailable()) {
            container = new PostgreSQLContainer("postgres:16-alpine");
            container.start();
            adminUrl = container.getJdbcUrl() + (container.getJdbcUrl().contains("?") ? "&" : "?") + "user="
                    + container.getUsername() + "&password=" + container.getPassword();
        } else if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            adminUrl = fromEnvironment;
        } else {
            String reason = "no Docker engine for Testcontainers and no MARSAD_TEST_POSTGRES_URL"
                    + " (e.g. jdbc:postgresql://127.0.0.1:5432/test?user=postgres): cannot test on PostgreSQL";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(reason);
            }
            Assumptions.abort(reason);
        }
        database = "marsad_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(adminUrl);
                Statement statement = admin.createStatement()) {
            statement.execute("create database " + database);
        }
        repositoryUrl = withDatabase(adminUrl, database);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (database != null) {
            try (Connection admin = DriverManager.getConnection(adminUrl);
                    Statement statement = admin.createStatement()) {
                statement.execute("drop database if exists " + database + " with (force)");
            }
        }
        if (container != null) {
            container.stop();
        }
    }

    @Test
    void theSchemaIsCreatedOnceAndAKilledRunRestartsFromIt() throws Exception {
        Path demo = TestLandingZones.demo(root);
        Path landing = TestLandingZones.subset(demo, root.resolve("landing"), 1, 0);
        Path work = root.resolve("work");
        String[] nightly = NightlyProcess.nightly(work, landing, "--job-repository", repositoryUrl, "--quiet");

        int first = MarsadCommand.run(nightly);
        assertThat(first).isIn(0, 3);
        assertThat(executions()).containsExactly("1 COMPLETED");

        // the second run finds the schema in place; killed after building, it leaves its execution STARTED
        Path log = root.resolve("killed.log");
        int killed = NightlyProcess.run(log, Map.of("MARSAD_FAULT_AT", "build"), nightlyForSecondRun(work, landing));
        assertThat(killed).as(Files.readString(log)).isEqualTo(137);
        assertThat(executions()).containsExactly("1 COMPLETED", "2 STARTED");

        int restarted = MarsadCommand.run(nightlyForSecondRun(work, landing));

        assertThat(restarted).isIn(0, 3);
        // the killed execution is marked failed, and a new execution of the same instance completes it
        assertThat(executions()).containsExactly("1 COMPLETED", "2 FAILED", "2 COMPLETED");
        assertThat(count("select count(*) from batch_step_execution where status = 'COMPLETED'"))
                .isGreaterThanOrEqualTo(12);
        assertThat(count("select count(*) from information_schema.tables where table_name = 'batch_job_instance'"))
                .isEqualTo(1);
    }

    /** A second night: the same landing zone as of the next day, a new job instance. */
    private static String[] nightlyForSecondRun(Path work, Path landing) {
        String[] args = NightlyProcess.nightly(work, landing, "--job-repository", repositoryUrl, "--quiet");
        args[6] = "2026-11-29";
        return args;
    }

    /** "instance status" of every execution, oldest first. */
    private static List<String> executions() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection(repositoryUrl);
                Statement statement = connection.createStatement();
                ResultSet result =
                        statement.executeQuery("select e.job_instance_id, e.status from batch_job_execution e"
                                + " order by e.job_execution_id")) {
            List<Long> instances = new ArrayList<>();
            List<String> statuses = new ArrayList<>();
            while (result.next()) {
                instances.add(result.getLong(1));
                statuses.add(result.getString(2));
            }
            // instance ids come from a sequence: number them 1, 2… in order of appearance
            List<Long> distinct = instances.stream().distinct().toList();
            for (int i = 0; i < instances.size(); i++) {
                rows.add((distinct.indexOf(instances.get(i)) + 1) + " " + statuses.get(i));
            }
        }
        return rows;
    }

    private static long count(String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(repositoryUrl);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        }
    }

    /** The same server URL with another database: {@code jdbc:postgresql://host:port/<database>?…}. */
    static String withDatabase(String url, String database) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String parameters = query < 0 ? "" : url.substring(query);
        int slash = base.indexOf('/', "jdbc:postgresql://".length());
        String server = slash < 0 ? base : base.substring(0, slash);
        return server + "/" + database + parameters;
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable e) {
            return false;
        }
    }
}
