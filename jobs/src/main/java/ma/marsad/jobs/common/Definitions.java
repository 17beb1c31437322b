package ma.marsad.jobs.common;

import ma.marsad.pipeline.calendar.SubmissionCalendar;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.kpi.KpiCatalog;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.warehouse.DefinitionsFingerprint;
import ma.marsad.pipeline.warehouse.ModelCatalog;

/**
 * The definitions in use (templates, messages, KPIs, models, calendar), loaded and checked together, so a broken file
 * stops a run before anything is read or written.
 *
 * @param fingerprint what they hash to: a published warehouse built with other definitions is rebuilt
 */
public record Definitions(
        ConfigFolder config,
        TemplateCatalog templates,
        Messages messages,
        KpiCatalog kpis,
        ModelCatalog models,
        SubmissionCalendar calendar,
        String fingerprint) {

    public static Definitions load(ConfigFolder config) {
        TemplateCatalog templates = TemplateCatalog.load(config);
        return new Definitions(
                config,
                templates,
                Messages.load(config),
                KpiCatalog.load(config),
                ModelCatalog.load(config),
                SubmissionCalendar.load(config, templates),
                DefinitionsFingerprint.of(config));
    }
}
