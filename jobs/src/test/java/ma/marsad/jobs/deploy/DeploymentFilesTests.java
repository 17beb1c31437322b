package ma.marsad.jobs.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The deployment examples in {@code deploy/} are well-formed and wire what the README says they wire. */
class DeploymentFilesTests {

    private static final Path DEPLOY = Path.of("..", "deploy");

    @Test
    void everyYamlFileParses() throws IOException {
        List<Path> files;
        try (Stream<Path> paths = Files.walk(DEPLOY)) {
            files = paths.filter(
                            p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
                    .toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(documents(file)).as(file.toString()).isNotEmpty().doesNotContainNull();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCronJobUsesPostgresAndAClaimedWorkFolder() throws IOException {
        List<Object> documents = documents(DEPLOY.resolve("kubernetes/marsad-cronjob.yaml"));
        Map<String, Object> cronJob = documents.stream()
                .map(d -> (Map<String, Object>) d)
                .filter(d -> "CronJob".equals(d.get("kind")))
                .findFirst()
                .orElseThrow();
        assertThat(documents)
                .map(d -> ((Map<String, Object>) d).get("kind"))
                .contains("PersistentVolumeClaim", "CronJob");

        Map<String, Object> spec = (Map<String, Object>) cronJob.get("spec");
        assertThat(spec).containsEntry("concurrencyPolicy", "Forbid");
        Map<String, Object> podSpec = path(spec, "jobTemplate", "spec", "template", "spec");
        Map<String, Object> container = ((List<Map<String, Object>>) podSpec.get("containers")).get(0);
        assertThat((List<String>) container.get("args")).startsWith("nightly");
        List<Map<String, Object>> env = (List<Map<String, Object>>) container.get("env");
        Map<String, Object> work = env.stream()
                .filter(e -> "MARSAD_WORK".equals(e.get("name")))
                .findFirst()
                .orElseThrow();
        assertThat(env).anyMatch(e -> "MARSAD_JOB_REPOSITORY_URL".equals(e.get("name")));

        List<Map<String, Object>> mounts = (List<Map<String, Object>>) container.get("volumeMounts");
        Map<String, Object> workMount = mounts.stream()
                .filter(m -> work.get("value").equals(m.get("mountPath")))
                .findFirst()
                .orElseThrow();
        Map<String, Object> workVolume = ((List<Map<String, Object>>) podSpec.get("volumes"))
                .stream()
                        .filter(v -> workMount.get("name").equals(v.get("name")))
                        .findFirst()
                        .orElseThrow();
        assertThat(path(workVolume, "persistentVolumeClaim")).containsEntry("claimName", "marsad-work");
        assertThat((Integer) podSpec.get("terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(60);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theWorkersSeeTheNightlyRunsWorkFolderLandingZoneAndJobRepository() throws IOException {
        Map<String, Object> nightly = podSpec(
                DEPLOY.resolve("kubernetes/marsad-cronjob.yaml"), "CronJob", "jobTemplate", "spec", "template", "spec");
        Map<String, Object> workers =
                podSpec(DEPLOY.resolve("kubernetes/marsad-workers.yaml"), "Deployment", "template", "spec");
        Map<String, Object> worker = ((List<Map<String, Object>>) workers.get("containers")).get(0);
        Map<String, Object> manager = ((List<Map<String, Object>>) nightly.get("containers")).get(0);

        assertThat((List<String>) worker.get("args")).startsWith("worker", "--broker", "$(MARSAD_BROKER_URL)");
        List<Map<String, Object>> env = (List<Map<String, Object>>) worker.get("env");
        assertThat(env).anyMatch(e -> "MARSAD_BROKER_URL".equals(e.get("name")));
        // the same job repository secret, work folder and landing zone, at the same paths
        assertThat(env)
                .filteredOn(e -> !"MARSAD_BROKER_URL".equals(e.get("name")))
                .containsExactlyElementsOf((List<Map<String, Object>>) manager.get("env"));
        assertThat(worker.get("volumeMounts")).isEqualTo(manager.get("volumeMounts"));
        assertThat(workers.get("volumes")).isEqualTo(nightly.get("volumes"));
        assertThat((Integer) workers.get("terminationGracePeriodSeconds")).isGreaterThanOrEqualTo(60);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> podSpec(Path file, String kind, String... keys) throws IOException {
        Map<String, Object> resource = documents(file).stream()
                .map(d -> (Map<String, Object>) d)
                .filter(d -> kind.equals(d.get("kind")))
                .findFirst()
                .orElseThrow();
        return path((Map<String, Object>) resource.get("spec"), keys);
    }

    @Test
    void theSystemdServiceTreatsExitCode3AsSuccessAndStopsWithSigterm() throws IOException {
        String service = Files.readString(DEPLOY.resolve("systemd/marsad-nightly.service"));
        assertThat(service).contains("SuccessExitStatus=3", "KillSignal=SIGTERM", " nightly ");
        assertThat(Files.readString(DEPLOY.resolve("systemd/marsad-nightly.timer")))
                .contains("OnCalendar=", "Persistent=true");
        String cron = Files.readString(DEPLOY.resolve("cron/marsad.crontab"));
        assertThat(cron.lines().filter(line -> line.matches("^[0-9*].*")))
                .singleElement()
                .asString()
                .startsWith("30 2 * * * ")
                .contains(" nightly ");
    }

    private static List<Object> documents(Path file) throws IOException {
        List<Object> documents = new ArrayList<>();
        new Yaml(new SafeConstructor(new LoaderOptions()))
                .loadAll(Files.readString(file))
                .forEach(documents::add);
        return documents;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> path(Map<String, Object> map, String... keys) {
        Map<String, Object> current = map;
        for (String key : keys) {
            current = (Map<String, Object>) current.get(key);
        }
        return current;
    }
}
