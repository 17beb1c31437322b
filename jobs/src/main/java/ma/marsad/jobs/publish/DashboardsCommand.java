package ma.marsad.jobs.publish;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import ma.marsad.jobs.JobContexts;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.nightly.PublishedSite;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code marsad dashboards}: render the site again from the published warehouse (e.g. after editing a page). */
@Command(
        name = "dashboards",
        mixinStandardHelpOptions = true,
        description =
                "Renders the dashboards again from the published warehouse, into a new folder swapped in at the end.")
public class DashboardsCommand implements Callable<Integer> {

    @Mixin
    WorkOptions work;

    @Override
    public Integer call() throws Exception {
        return JobContexts.run(work.properties(), context -> {
            var published = context.getBean(WarehousePublisher.class).published();
            if (!Files.exists(published)) {
                System.err.println("marsad dashboards: no published warehouse in " + published.getParent()
                        + "; run 'marsad nightly' first");
                return ExitCodes.FAILURE;
            }
            PublishedSite site = context.getBean(PublishedSite.class);
            System.out.println("rendered " + site.render());
            System.out.println("dashboards: " + site.index());
            return ExitCodes.SUCCESS;
        });
    }
}
