package ma.marsad.jobs.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.marsad.dashboards.render.SiteRenderer;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.kpi.KpiEngine;
import ma.marsad.pipeline.lake.IcebergLake;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pipeline's parts, wired once from the settings and the definitions in use. */
@Configuration
public class PipelineConfiguration {

    @Bean
    Definitions definitions(MarsadSettings settings) {
        return Definitions.load(
                settings.config() == null ? ConfigFolder.shipped() : ConfigFolder.overriddenBy(settings.config()));
    }

    /** Opened once the definitions are loaded and checked (it takes them for that reason only). */
    @Bean
    Lake lake(MarsadSettings settings, Definitions checkedFirst) {
        try {
            return Lake.open(URI.create(settings.lake()), settings.hadoop());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the lake at " + settings.lake() + ": " + e.getMessage()
                            + "; give --lake a folder this user can create and write, or a reachable hdfs:// or"
                            + " s3a:// location",
                    e);
        }
    }

    @Bean
    SubmissionRegistry submissionRegistry(Lake lake, MarsadSettings settings) {
        return new SubmissionRegistry(IcebergLake.open(lake, settings.catalog()));
    }

    @Bean
    LandingScanner landingScanner(Definitions definitions, MarsadSettings settings) {
        return new LandingScanner(Set.copyOf(definitions.templates().ids()), settings.stabilityCheck());
    }

    @Bean
    SubmissionIngester submissionIngester(Lake lake, SubmissionRegistry registry, Definitions definitions) {
        var templates = definitions.templates();
        var validator = new SubmissionValidator(templates, ReportReaders::open);
        return new SubmissionIngester(lake, registry, templates, validator, definitions.messages());
    }

    @Bean
    FeedbackReports feedbackReports(MarsadSettings settings, Definitions definitions) {
        return new FeedbackReports(settings.feedback(), definitions.messages(), definitions.templates());
    }

    @Bean
    WarehouseBuilder warehouseBuilder(Lake lake, Definitions definitions) {
        List<Map<String, String>> submitters = definitions.templates().submitters().stream()
                .map(s -> Map.of("code", s.code(), "name_fr", s.nameFr(), "name_ar", s.nameAr()))
                .toList();
        var tables = WarehouseTables.of(definitions.templates());
        return new WarehouseBuilder(lake, definitions.models(), tables, submitters, FeedbackReports::pathOf);
    }

    @Bean
    WarehousePublisher warehousePublisher(MarsadSettings settings) {
        return new WarehousePublisher(settings.warehouseDir(), settings.warehouseVersions());
    }

    @Bean
    KpiEngine kpiEngine(Definitions definitions) {
        return new KpiEngine(definitions.kpis());
    }

    @Bean
    SiteRenderer siteRenderer(Definitions definitions) {
        return new SiteRenderer(definitions.config());
    }
}
