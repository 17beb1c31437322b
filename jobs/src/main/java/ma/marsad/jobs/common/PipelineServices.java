package ma.marsad.jobs.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.Map;
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
import ma.marsad.pipeline.template.TemplateContract;
import ma.marsad.pipeline.warehouse.DefinitionsFingerprint;
import ma.marsad.pipeline.warehouse.ModelCatalog;
import ma.marsad.pipeline.warehouse.TemplateTable;
import ma.marsad.pipeline.warehouse.WarehouseBuilder;
import ma.marsad.pipeline.warehouse.WarehousePublisher;
import org.springframework.stereotype.Component;

/**
 * The pipeline's parts, wired once from the settings. Every configuration file (templates, messages, KPIs, models,
 * dashboards) is loaded and validated here, so a broken file stops the run before anything is read or written.
 */
@Component
public class PipelineServices {

    private final MarsadSettings settings;
    private final ConfigFolder config;
    private final TemplateCatalog templates;
    private final Messages messages;
    private final KpiCatalog kpis;
    private final ModelCatalog models;
    private final Lake lake;
    private final SubmissionRegistry registry;
    private final SubmissionCalendar calendar;
    private final String definitionsFingerprint;

    public PipelineServices(MarsadSettings settings) {
        this.settings = settings;
        this.config = settings.config() == null ? ConfigFolder.shipped() : ConfigFolder.overriddenBy(settings.config());
        this.templates = TemplateCatalog.load(config);
        this.messages = Messages.load(config);
        this.kpis = KpiCatalog.load(config);
        this.models = ModelCatalog.load(config);
        this.calendar = SubmissionCalendar.load(config, templates);
        this.definitionsFingerprint = DefinitionsFingerprint.of(config);
        try {
            this.lake = Lake.open(URI.create(settings.lake()), settings.hadoop());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot open the lake at " + settings.lake() + ": " + e.getMessage()
                            + "; give --lake a folder this user can create and write, or a reachable hdfs:// or"
                            + " s3a:// location",
                    e);
        }
        this.registry = new SubmissionRegistry(IcebergLake.open(lake, settings.catalog()));
    }

    public MarsadSettings settings() {
        return settings;
    }

    public ConfigFolder config() {
        return config;
    }

    public TemplateCatalog templates() {
        return templates;
    }

    public Messages messages() {
        return messages;
    }

    public SubmissionCalendar calendar() {
        return calendar;
    }

    public Lake lake() {
        return lake;
    }

    public SubmissionRegistry registry() {
        return registry;
    }

    public LandingScanner scanner() {
        return new LandingScanner(java.util.Set.copyOf(templates.ids()), settings.stabilityCheck());
    }

    public SubmissionIngester ingester() {
        return new SubmissionIngester(
                lake, registry, templates, new SubmissionValidator(templates, ReportReaders::open), messages);
    }

    public WarehouseBuilder warehouseBuilder() {
        List<TemplateTable> tables =
                templates.contracts().stream().map(PipelineServices::tableOf).toList();
        List<Map<String, String>> submitters = templates.submitters().stream()
                .map(s -> Map.of("code", s.code(), "name_fr", s.nameFr(), "name_ar", s.nameAr()))
                .toList();
        return new WarehouseBuilder(lake, models, tables, submitters, FeedbackReports::pathOf);
    }

    /** What the templates, models, KPIs and calendar hash to: a published warehouse built with others is rebuilt. */
    public String definitionsFingerprint() {
        return definitionsFingerprint;
    }

    public WarehousePublisher publisher() {
        return new WarehousePublisher(settings.warehouseDir(), settings.warehouseVersions());
    }

    public KpiEngine kpiEngine() {
        return new KpiEngine(kpis);
    }

    public SiteRenderer siteRenderer() {
        return new SiteRenderer(config);
    }

    /** What the warehouse builder needs of a template: titles, format, period type and staging columns. */
    public static TemplateTable tableOf(TemplateContract contract) {
        return new TemplateTable(
                contract.id(),
                Map.of(
                        "fr",
                        contract.titles().fr(),
                        "ar",
                        contract.titles().ar(),
                        "en",
                        contract.titles().en()),
                String.join("|", contract.formats()),
                contract.periodType().label(),
                SubmissionIngester.stagingColumns(contract));
    }
}
