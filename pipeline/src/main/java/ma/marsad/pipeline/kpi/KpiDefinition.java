package ma.marsad.pipeline.kpi;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One KPI of the catalogue, as declared in {@code kpis/<pillar>.yml}, with its SQL text.
 *
 * @param id e.g. {@code EGOV-03}
 * @param pillar egov, economy, talent, connectivity, ai or governance
 * @param decimals the digits after the decimal point of every published value (0 for counts and ranks): values are
 *     rounded to them by {@link #published(double)} as the KPI's query returns them
 * @param sourceTemplate the report template the SQL reads ({@code fct_<template>}); null when the KPI has no source
 *     yet and is always shown as no data
 * @param sql the query returning {@code period, period_end, region_code, value, submission_ids}; null exactly when
 *     there is no source template
 * @param aggregation how the national figure is formed from the rows (sum, mean, median, ratio, latest, count, rank,
 *     cumulative_sum, cumulative_count): stated for readers, computed by the SQL
 * @param baseline the catalogue's baseline, or null when the first observed value serves as baseline
 * @param milestone2026 the value expected at 2026-12-31, or null
 * @param target2030 the value expected at 2030-12-31, or null (see {@code targetRelative})
 * @param targetRelative a target stated relative to the baseline (-0.5 = halve it), or null
 * @param authoritativeSubmitter the only submitter whose rows make the figures, or null when every submitter's rows
 *     count; other submitters' figures go to the reconciliation table
 * @param vintages how a night finds the figures a new submission changes: {@code by_period} when a period's value
 *     depends only on rows of that period, so only the periods the submission touches are recomputed; {@code all}
 *     (the default, always right) recomputes every vintage of the KPI when its source template changed
 * @param translations the definition and target basis in French and Arabic, for readers of those languages
 * @param sourceFile the catalogue file the KPI was read from, for messages
 * @param sqlFile the KPI's {@code .sql} file, for messages, or null
 */
public record KpiDefinition(
        String id,
        String pillar,
        String nameFr,
        String nameAr,
        String nameEn,
        String unit,
        int decimals,
        Direction direction,
        String frequency,
        String sourceTemplate,
        String sql,
        String definition,
        String aggregation,
        boolean hasRegions,
        Baseline baseline,
        Double milestone2026,
        Double target2030,
        Double targetRelative,
        String targetBasis,
        String targetSource,
        TrajectoryShape trajectory,
        String authoritativeSubmitter,
        Vintages vintages,
        Translations translations,
        String sourceFile,
        String sqlFile) {

    static final Set<String> PILLARS = Set.of("egov", "economy", "talent", "connectivity", "ai", "governance");
    static final Set<String> FREQUENCIES = Set.of("monthly", "quarterly", "semiannual", "annual", "biennial");
    static final Set<String> AGGREGATIONS =
            Set.of("sum", "mean", "median", "ratio", "latest", "count", "rank", "cumulative_sum", "cumulative_count");

    /** The most decimals a KPI may publish: finer than any unit of the catalogue needs. */
    static final int MAX_DECIMALS = 6;

    private static final Pattern ID = Pattern.compile("[A-Z]{2,5}-\\d{2}");
    private static final Pattern TEMPLATE = Pattern.compile("[a-z][a-z0-9-]{1,63}");
    private static final Pattern SUBMITTER = Pattern.compile("[A-Z0-9-]{2,32}");

    /** How a night recomputes the KPI's vintages when its source template changed (ADR 8). */
    public enum Vintages {
        ALL,
        BY_PERIOD;

        static Vintages parse(String text) {
            if (text == null || "all".equals(text)) {
                return ALL;
            }
            if ("by_period".equals(text)) {
                return BY_PERIOD;
            }
            throw new IllegalArgumentException("vintages '" + text + "' must be 'all' or 'by_period'");
        }
    }

    /** A baseline stated by the catalogue: the value of a period (usually a year). */
    public record Baseline(String period, double value) {
        public Baseline {
            Objects.requireNonNull(period, "baseline period");
            PeriodKeys.endOf(period);
            if (!Double.isFinite(value)) {
                throw new IllegalArgumentException("baseline value " + value + " is not a number");
            }
        }
    }

    /** The definition and target basis in plain French and Arabic; the English stays in definition and targetBasis. */
    public record Translations(String definitionFr, String definitionAr, String targetBasisFr, String targetBasisAr) {
        public Translations {
            require(
                    notBlank(definitionFr) && notBlank(definitionAr),
                    "definition_fr and definition_ar are required: the definition in plain French and Arabic");
            require(
                    (targetBasisFr == null) == (targetBasisAr == null),
                    "give both target_basis_fr and target_basis_ar, or neither");
        }
    }

    public KpiDefinition {
        require(id != null && ID.matcher(id).matches(), "id '" + id + "' must look like EGOV-03");
        require(PILLARS.contains(pillar), "pillar '" + pillar + "' must be one of " + PILLARS);
        require(notBlank(nameFr) && notBlank(nameAr) && notBlank(nameEn), "name_fr, name_ar and name_en are required");
        require(notBlank(unit), "unit is required");
        require(
                decimals >= 0 && decimals <= MAX_DECIMALS,
                "decimals " + decimals + " must be a whole number from 0 to " + MAX_DECIMALS);
        require(direction != null, "direction is required: 'up' or 'down'");
        require(FREQUENCIES.contains(frequency), "frequency '" + frequency + "' must be one of " + FREQUENCIES);
        require(
                sourceTemplate == null || TEMPLATE.matcher(sourceTemplate).matches(),
                "source_template '" + sourceTemplate + "' must be a template id such as egov-requests");
        require(
                (sourceTemplate == null) == (sql == null || sql.isBlank()),
                sourceTemplate == null
                        ? "a KPI without source_template must not have sql"
                        : "source_template " + sourceTemplate + " needs an sql file");
        require(notBlank(definition), "definition is required");
        require(AGGREGATIONS.contains(aggregation), "aggregation '" + aggregation + "' must be one of " + AGGREGATIONS);
        require(
                target2030 == null || targetRelative == null,
                "give target_2030 or target_relative, not both (target_2030 " + target2030 + ", target_relative "
                        + targetRelative + ")");
        require(
                targetRelative == null || targetRelative > -1,
                "target_relative " + targetRelative + " must be above -1 (-0.5 halves the baseline)");
        require(trajectory != null, "trajectory is required: 'linear' or 'geometric'");
        require(translations != null, "definition_fr and definition_ar are required");
        require(vintages != null, "vintages is 'all' or 'by_period'");
        require(
                (targetBasis == null) == (translations.targetBasisFr() == null),
                targetBasis == null
                        ? "target_basis_fr and target_basis_ar need a target_basis (in English)"
                        : "target_basis needs target_basis_fr and target_basis_ar");
        require(
                authoritativeSubmitter == null
                        || SUBMITTER.matcher(authoritativeSubmitter).matches(),
                "authoritative_submitter '" + authoritativeSubmitter + "' must be a submitter code such as MTNRA");
    }

    /** The warehouse table the SQL reads, {@code fct_<template with '-' as '_'>}, or null without a source. */
    public String sourceTable() {
        return sourceTemplate == null ? null : "fct_" + sourceTemplate.replace('-', '_');
    }

    /** The history table holding every version of the source rows. */
    String historyTable() {
        return sourceTemplate == null ? null : "hist_" + sourceTemplate.replace('-', '_');
    }

    /** Growth rates are meaningless for ranks ('rank of 193'), so they are computed for every other KPI. */
    boolean hasGrowthRates() {
        return !unit.startsWith("rank");
    }

    private static boolean notBlank(String text) {
        return text != null && !text.isBlank();
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /**
     * The value as published: rounded half up to the KPI's decimals, from the shortest decimal that prints the
     * computed DOUBLE. The one rounding rule of the catalogue; every figure the marts hold, and everything scored or
     * compared between vintages, is a published value.
     */
    public double published(double value) {
        if (!Double.isFinite(value)) {
            return value;
        }
        double rounded = BigDecimal.valueOf(value)
                .setScale(decimals, RoundingMode.HALF_UP)
                .doubleValue();
        return rounded == 0 ? 0.0 : rounded; // no -0.0
    }
}
