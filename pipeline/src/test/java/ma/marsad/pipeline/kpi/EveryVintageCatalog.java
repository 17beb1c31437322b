package ma.marsad.pipeline.kpi;

import ma.marsad.pipeline.config.ConfigFolder;

/**
 * The shipped KPI catalogue with every KPI declared {@code vintages: all}: the reference a {@code by_period} KPI's
 * vintages are compared with (the KPI as known at every received time of its template, over the whole history).
 */
public final class EveryVintageCatalog {

    private EveryVintageCatalog() {}

    public static KpiCatalog shipped() {
        KpiCatalog shipped = KpiCatalog.load(ConfigFolder.shipped());
        return new KpiCatalog(
                shipped.kpis().stream()
                        .map(kpi -> TestKpis.withVintages(kpi, KpiDefinition.Vintages.ALL))
                        .toList(),
                shipped.macros());
    }
}
