package ma.marsad.jobs.publish;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import ma.marsad.jobs.cli.JobContexts;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.jobs.common.WorkFolderLock;
import ma.marsad.jobs.nightly.RunSummaries;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code marsad rollback}: publish the previous warehouse version again, and re-render the site from it. */
@Command(
        name = "rollback",
        mixinStandardHelpOptions = true,
        description = "Publishes the previous warehouse version again (atomically) and re-renders the dashboards.")
public class RollbackCommand implements Callable<Integer> {

    @Mixin
    WorkOptions work;

    @Override
    public Integer call() throws Exception {
        var lock = WorkFolderLock.tryAcquire(work.work());
        if (lock.isEmpty()) {
            System.err.println(WorkFolderLock.busyMessage(work.work(), "rollback", "try again when it has finished"));
            return ExitCodes.FAILURE;
        }
        try (var held = lock.get();
                var context = JobContexts.start(work.properties())) {
            PipelineServices services = context.getBean(PipelineServices.class);
            String label = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
            var restored = services.publisher().rollback(label);
            if (restored.isEmpty()) {
                System.err.println("marsad rollback: no previous warehouse version is kept");
                return ExitCodes.FAILURE;
            }
            services.siteRenderer()
                    .render(
                            services.publisher().published(),
                            services.settings().site(),
                            services.settings().work(),
                            RunSummaries.finalRecords(services));
            System.out.println("published again: " + restored.get());
            return ExitCodes.SUCCESS;
        }
    }
}
