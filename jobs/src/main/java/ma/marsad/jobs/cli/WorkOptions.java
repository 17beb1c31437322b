package ma.marsad.jobs.cli;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by every command that reads or writes a work folder. */
public class WorkOptions {

    private static final String JSON_LOGS = "json-logs";

    @Option(
            names = "--work",
            paramLabel = "DIR",
            description = "Work folder (job repository, lake, warehouse, site). Default: $MARSAD_WORK, else ./work")
    Path work;

    @Option(
            names = "--config",
            paramLabel = "DIR",
            description = "Folder whose templates/, kpis/, models/, dashboards/ replace the shipped ones")
    Path config;

    @Option(
            names = "--lake",
            paramLabel = "URI",
            description = "Lake location: a folder, hdfs://… or s3a://… Default: <work>/lake")
    String lake;

    @Option(
            names = "--catalog",
            paramLabel = "JDBC_URL",
            description = "Iceberg catalog of the lake's tables, e.g. jdbc:postgresql://host/db?user=u (the one for"
                    + " several writing processes). Default: a Hadoop catalog in <lake>/iceberg")
    String catalog;

    @Option(
            names = "--job-repository",
            paramLabel = "JDBC_URL",
            description = "Job repository database, e.g. jdbc:postgresql://host/db?user=u."
                    + " Default: $MARSAD_JOB_REPOSITORY_URL, else an H2 file in the work folder")
    String jobRepository;

    @Option(names = "--quiet", description = "Only warnings, errors and the final summary")
    boolean quiet;

    @Option(
            names = "--log-format",
            paramLabel = "FORMAT",
            description = "text (default) or json, one JSON object per line for log collectors")
    String logFormat = "text";

    /** Only warnings and errors in the job context's log, e.g. for a command whose output is a report. */
    public static void logWarningsOnly(Map<String, Object> properties) {
        properties.put("logging.level.root", "WARN");
        properties.put("logging.level.ma.marsad", "WARN");
    }

    /** Whether the job context these properties start logs JSON lines ({@code --log-format json}). */
    public static boolean logsJson(Map<String, Object> properties) {
        return JSON_LOGS.equals(properties.get("spring.profiles.active"));
    }

    public Path work() {
        if (work != null) {
            return work.toAbsolutePath().normalize();
        }
        String fromEnvironment = System.getenv("MARSAD_WORK");
        return Path.of(fromEnvironment == null || fromEnvironment.isBlank() ? "work" : fromEnvironment)
                .toAbsolutePath()
                .normalize();
    }

    /** Spring properties for a job context on this work folder. */
    public Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        Path workFolder = work();
        properties.put("marsad.work", workFolder.toString());
        if (config != null) {
            properties.put("marsad.config", config.toAbsolutePath().toString());
        }
        if (lake != null) {
            properties.put("marsad.lake", lake);
        }
        if (catalog != null) {
            properties.put("marsad.catalog", catalog);
        }
        String repository = jobRepository != null ? jobRepository : System.getenv("MARSAD_JOB_REPOSITORY_URL");
        if (repository == null || repository.isBlank()) {
            // WRITE_DELAY=0: H2 otherwise keeps the last half second of commits in memory, and a killed process
            // would lose the record of steps that had finished, then redo them over state that moved on.
            repository = "jdbc:h2:file:" + workFolder.resolve("jobrepo/marsad") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
        }
        properties.put("spring.datasource.url", repository);
        if (quiet) {
            logWarningsOnly(properties);
        }
        if (!"text".equalsIgnoreCase(logFormat)) {
            if (!"json".equalsIgnoreCase(logFormat)) {
                throw new UsageException("--log-format is text or json, not " + logFormat);
            }
            properties.put("spring.profiles.active", JSON_LOGS);
        }
        return properties;
    }
}
