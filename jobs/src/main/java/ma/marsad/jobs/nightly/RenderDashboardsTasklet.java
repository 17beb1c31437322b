package ma.marsad.jobs.nightly;

import ma.marsad.jobs.common.FaultInjection;
import ma.marsad.jobs.common.PipelineServices;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Renders the static site from the published warehouse into a new folder and swaps it in. */
class RenderDashboardsTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(RenderDashboardsTasklet.class);

    private final PipelineServices services;

    RenderDashboardsTasklet(PipelineServices services) {
        this.services = services;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        FaultInjection.at("render");
        var summary = services.siteRenderer()
                .render(
                        services.publisher().published(),
                        services.settings().site(),
                        services.settings().work());
        log.info("rendered dashboards: {}", summary);
        return RepeatStatus.FINISHED;
    }
}
