package ma.marsad.pipeline.kpi;

/** KPI definitions for tests: a plain up KPI, changed with withers. */
final class TestKpis {

    /** A KPI file declaring EGOV-03 alone, reading {@code sql/EGOV-03.sql}. */
    static final String EGOV_03_FILE = """
            pillar: egov
            kpis:
              - id: EGOV-03
                name_fr: "Part des demandes déposées en ligne"
                name_ar: "نسبة الطلبات المقدمة عبر الإنترنت"
                name_en: "Share of requests submitted online"
                unit: "%"
                decimals: 1
                direction: up
                frequency: monthly
                source_template: egov-requests
                sql: sql/EGOV-03.sql
                definition: "requests with channel web or mobile / all requests x 100"
                definition_fr: "Part des demandes déposées sur le web ou le mobile"
                definition_ar: "نسبة الطلبات المودعة عبر الويب أو الهاتف المحمول"
                aggregation: ratio
                has_regions: true
            """;

    private TestKpis() {}

    static KpiDefinition kpi(String id, Direction direction, String unit) {
        return new KpiDefinition(
                id,
                "egov",
                "nom",
                "اسم",
                "name",
                unit,
                6,
                direction,
                "annual",
                "digital-economy-annual",
                "select 1",
                "a definition",
                "latest",
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                TrajectoryShape.LINEAR,
                null,
                KpiDefinition.Vintages.ALL,
                new KpiDefinition.Translations("une définition", "تعريف", null, null),
                "kpis/test.yml",
                "kpis/sql/test.sql");
    }

    static KpiDefinition withTargets(
            KpiDefinition kpi, KpiDefinition.Baseline baseline, Double milestone, Double target, Double relative) {
        return copy(kpi, baseline, milestone, target, relative, kpi.vintages());
    }

    static KpiDefinition withVintages(KpiDefinition kpi, KpiDefinition.Vintages vintages) {
        return copy(kpi, kpi.baseline(), kpi.milestone2026(), kpi.target2030(), kpi.targetRelative(), vintages);
    }

    private static KpiDefinition copy(
            KpiDefinition kpi,
            KpiDefinition.Baseline baseline,
            Double milestone,
            Double target,
            Double relative,
            KpiDefinition.Vintages vintages) {
        return new KpiDefinition(
                kpi.id(),
                kpi.pillar(),
                kpi.nameFr(),
                kpi.nameAr(),
                kpi.nameEn(),
                kpi.unit(),
                kpi.decimals(),
                kpi.direction(),
                kpi.frequency(),
                kpi.sourceTemplate(),
                kpi.sql(),
                kpi.definition(),
                kpi.aggregation(),
                kpi.hasRegions(),
                baseline,
                milestone,
                target,
                relative,
                kpi.targetBasis(),
                kpi.targetSource(),
                kpi.trajectory(),
                kpi.authoritativeSubmitter(),
                vintages,
                kpi.translations(),
                kpi.sourceFile(),
                kpi.sqlFile());
    }
}
