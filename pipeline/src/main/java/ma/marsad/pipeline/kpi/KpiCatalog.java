package ma.marsad.pipeline.kpi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.warehouse.SqlMacros;

/**
 * The KPI catalogue: every KPI declared in the {@code kpis/} configuration folder, validated when loaded, and the
 * macros of {@code macros/} their queries call.
 */
public final class KpiCatalog {

    private final Map<String, KpiDefinition> kpisById;
    private final List<KpiDefinition> ordered;
    private final SqlMacros macros;

    KpiCatalog(List<KpiDefinition> kpis, SqlMacros macros) {
        Map<String, KpiDefinition> byId = new LinkedHashMap<>();
        for (KpiDefinition kpi : kpis) {
            KpiDefinition previous = byId.putIfAbsent(kpi.id(), kpi);
            if (previous != null) {
                throw new IllegalArgumentException("KPI " + kpi.id() + " is declared twice, in " + previous.sourceFile()
                        + " and in " + kpi.sourceFile() + "; keep one of them");
            }
        }
        this.kpisById = Map.copyOf(byId);
        this.ordered = List.copyOf(byId.values());
        this.macros = macros;
    }

    /**
     * Reads every {@code *.yml} file of the {@code kpis} folder and the SQL files they name.
     *
     * @throws IllegalArgumentException naming the file and the fix when a file is broken (unknown field, missing SQL
     *     file, bad direction, ...)
     */
    public static KpiCatalog load(ConfigFolder config) {
        return new KpiCatalog(new KpiCatalogLoader(config).load(), SqlMacros.load(config));
    }

    /** The KPIs in catalogue order (files by name, KPIs in file order). */
    public List<KpiDefinition> kpis() {
        return ordered;
    }

    /** The macros the KPI queries may call. */
    SqlMacros macros() {
        return macros;
    }

    public Optional<KpiDefinition> find(String kpiId) {
        return Optional.ofNullable(kpisById.get(kpiId));
    }
}
