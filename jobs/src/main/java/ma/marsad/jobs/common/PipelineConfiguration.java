package ma.marsad.jobs.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.marsad.dashboards.render.SiteRenderer;
import ma.marsad.pipeline.calendar.SubmissionCalendar;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.kpi.KpiCatalog;
import ma.marsad.pipeline.kpi.KpiEngine;
import ma.marsad.pipeline.lake.IcebergLake;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.warehouse.DefinitionsFingerprint;
import ma.marsad.pipeline.warehouse.ModelCatalog;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.DependsOn;

/**
 * The pipeline's parts, wired once from the settings. Every configuration file (templates, messages, KPIs, models,
 * dashboards) is loaded and validated before the lake is opened, so a broken file stops the run before anything is
 * read or written.
 */
@Configuration
public class PipelineConfiguration {

    @Bean
    ConfigFolder configFolder(MarsadSettings settings) {
        return settings.config() == null ? ConfigFolder.shipped() : ConfigFolder.overriddenBy(settings.config());
    }

    @Bean
    TemplateCatalog templateCatalog(ConfigFolder config) {
        return TemplateCatalog.load(config);
    }

    @Bean
    Messages messages(ConfigFolder config) {
        return Messages.load(config);
    }

    @Bean
    KpiCatalog kpiCatalog(ConfigFolder config) {
        return KpiCatalog.load(config);
    }

    @Bean
    ModelCatalog modelCatalog(ConfigFolder config) {
        return ModelCatalog.load(config);
    }

    @Bean
    SubmissionCalendar submissionCalendar(ConfigFolder config, TemplateCatalog templates) {
        return SubmissionCalendar.load(config, templates);
    }

    @Bean
    Definitions definitions(ConfigFolder config) {
        return new Definitions(DefinitionsFingerprint.of(config));
    }

    @Bean
    @DependsOn({"templateCatalog", "messages", "kpiCatalog", "modelCatalog", "submissionCalendar", "definitions"})
    Lake lake(MarsadSettings settings) {
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
    LandingScanner landingScanner(TemplateCatalog templates, MarsadSettings settings) {
        return new LandingScanner(Set.copyOf(templates.ids()), settings.stabilityCheck());
    }

    @Bean
    SubmissionIngester submissionIngester(
            Lake lake, SubmissionRegistry registry, TemplateCatalog templates, Messages messages) {
        return new SubmissionIngester(
                lake, registry, templates, new SubmissionValidator(templates, ReportReaders::open), messages);
    }

    @Bean
    FeedbackReports feedbackReports(MarsadSettings settings, Messages messages, TemplateCatalog templates) {
        return new FeedbackReports(settings.feedback(), messages, templates);
    }

    @Bean
    WarehouseBuilder warehouseBuilder(Lake lake, ModelCatalog models, TemplateCatalog templates) {
        List<Map<String, String>> submitters = templates.submitters().stream()
                .map(s -> Map.of("code", s.code(), "name_fr", s.nameFr(), "name_ar", s.nameAr()))
                .toList();
        return new WarehouseBuilder(lake, models, WarehouseTables.of(templates), submitters, FeedbackReports::pathOf);
    }

    @Bean
    WarehousePublisher warehousePublisher(MarsadSettings settings) {
        return new WarehousePublisher(settings.warehouseDir(), settings.warehouseVersions());
    }

    @Bean
    KpiEngine kpiEngine(KpiCatalog kpis) {
        return new KpiEngine(kpis);
    }

    @Bean
    SiteRenderer siteRenderer(ConfigFolder config) {
        return new SiteRenderer(config);
    }
}
