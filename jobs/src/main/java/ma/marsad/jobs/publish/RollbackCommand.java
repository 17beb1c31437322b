package ma.marsad.jobs.publish;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;
import ma.marsad.jobs.JobContexts;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.nightly.PublishedSite;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
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
        return JobContexts.runLocked(work, "rollback", "try again when it has finished", context -> {
            String label = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
            var restored = context.getBean(WarehousePublisher.class).rollback(label);
            if (restored.isEmpty()) {
                System.err.println("marsad rollback: no previous warehouse version is kept");
                return ExitCodes.FAILURE;
            }
            context.getBean(PublishedSite.class).render();
            System.out.println("published again: " + restored.get());
            return ExitCodes.SUCCESS;
        });
    }
}
