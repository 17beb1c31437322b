package ma.marsad.jobs.publish;

import java.nio.file.Files;
import java.util.concurrent.Callable;
import ma.marsad.jobs.cli.JobContexts;
import ma.marsad.jobs.cli.WorkOptions;
import ma.marsad.jobs.common.ExitCodes;
import ma.marsad.jobs.common.PipelineServices;
import ma.marsad.jobs.nightly.RunSummaries;
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
        try (var context = JobContexts.start(work.properties())) {
            PipelineServices services = context.getBean(PipelineServices.class);
            var published = services.publisher().published();
            if (!Files.exists(published)) {
                System.err.println("marsad dashboards: no published warehouse in " + published.getParent()
                        + "; run 'marsad nightly' first");
                return ExitCodes.FAILURE;
            }
            var summary = services.siteRenderer()
                    .render(
                            published,
                            services.settings().site(),
                            services.settings().work(),
                            RunSummaries.finalRecords(services));
            System.out.println("rendered " + summary);
            System.out.println("dashboards: " + services.settings().site().resolve("index.html"));
            return ExitCodes.SUCCESS;
        }
    }
}
