package ma.marsad.jobs.nightly;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import ma.marsad.dashboards.render.RenderSummary;
import ma.marsad.dashboards.render.RunRecord;
import ma.marsad.dashboards.render.SiteRenderer;
import ma.marsad.jobs.common.MarsadSettings;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import org.springframework.stereotype.Component;

/** The dashboards rendered from the published warehouse into a new folder, swapped in at the end. */
@Component
public record PublishedSite(
        SiteRenderer renderer, WarehousePublisher publisher, RunSummaries runs, MarsadSettings settings) {

    /** Renders the site with the runs summarised so far. */
    public RenderSummary render() throws IOException, SQLException {
        return render(runs.finalRecords());
    }

    RenderSummary render(List<RunRecord> history) throws IOException, SQLException {
        return renderer.render(publisher.published(), settings.site(), settings.work(), history);
    }

    public Path index() {
        return settings.site().resolve("index.html");
    }
}
