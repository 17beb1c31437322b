package ma.marsad.jobs;

import java.nio.file.Path;
import java.util.Map;
import ma.marsad.jobs.cli.ErrorLines;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.common.WorkFolderLock;
import ma.marsad.jobs.workers.SharedCatalogCheck;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring Boot context (Batch, job repository, pipeline parts) for commands that run jobs. */
public final class JobContexts {

    /** What a command does in its job context; returns the exit code. */
    @FunctionalInterface
    public interface Work {
        int run(ConfigurableApplicationContext context) throws Exception;
    }

    private JobContexts() {}

    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(MarsadApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.addListeners(new SharedCatalogCheck());
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        // the command-line logging set-up hands over to Spring Boot's (logback-spring.xml) from here
        System.clearProperty("logback.configurationFile");
        return application.run(arguments);
    }

    /** Runs a command's work in a job context, closed when it is done. */
    public static int run(Map<String, Object> properties, Work work) throws Exception {
        try (var context = start(properties)) {
            return work.run(context);
        }
    }

    /** As {@link #runLocked(Path, String, String, Map, Work)}, on the command's work folder and its properties. */
    public static int runLocked(WorkOptions options, String command, String advice, Work work) throws Exception {
        return runLocked(options.work(), command, advice, options.properties(), work);
    }

    /**
     * Runs a writing command's work in a job context while it holds the work-folder lock. When another process holds
     * it, prints who on standard error, with what to do ({@code advice}), and returns {@link ExitCodes#FAILURE}.
     */
    public static int runLocked(
            Path workFolder, String command, String advice, Map<String, Object> properties, Work work)
            throws Exception {
        var lock = WorkFolderLock.tryAcquire(workFolder);
        if (lock.isEmpty()) {
            System.err.println(ErrorLines.format(
                    WorkFolderLock.busyMessage(workFolder, command, advice), WorkOptions.logsJson(properties)));
            return ExitCodes.FAILURE;
        }
        try (var held = lock.get()) {
            return run(properties, work);
        }
    }
}
