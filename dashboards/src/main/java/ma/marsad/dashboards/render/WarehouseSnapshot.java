package ma.marsad.dashboards.render;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import ma.marsad.dashboards.definition.LocalizedText;
import ma.marsad.pipeline.warehouse.Instants;

/** What the site shows, read once from the published warehouse's marts. */
record WarehouseSnapshot(
        List<Kpi> kpis,
        Map<String, List<Score>> latestByKpi,
        Map<String, List<Score>> historyByKpi,
        Map<String, List<Value>> valuesByKpi,
        List<Region> regions,
        Map<String, Submission> submissions,
        Map<String, LocalizedText> templateTitles,
        Optional<LocalDate> dataDate) {

    record Kpi(
            String id,
            String pillar,
            LocalizedText name,
            String unit,
            String direction,
            String frequency,
            String sourceTemplate,
            LocalizedText definition,
            String aggregation,
            boolean hasRegions,
            String baselinePeriod,
            Double baselineValue,
            Double milestone2026,
            Double target2030,
            LocalizedText targetBasis,
            String targetSource,
            String trajectory,
            Double scoringTarget,
            String scoringTargetKind,
            boolean targetHeldSinceBaseline) {

        /** True when the KPI has a 2030 target or a 2026 milestone to be scored against. */
        boolean hasTarget() {
            return scoringTarget != null;
        }
    }

    record Score(
            String kpiId,
            String period,
            LocalDate periodEnd,
            String regionCode,
            Double value,
            Double progressClipped,
            String status,
            Double forecast2030,
            LocalDateTime knownAt,
            String submissionIds,
            Boolean periodComplete,
            Double trajectoryValue,
            Provisional provisional) {

        /** A period that had not ended at the run's as-of date: its value may still change. */
        boolean inProgress() {
            return Boolean.FALSE.equals(periodComplete);
        }
    }

    /** The value so far of a later period still running at the as-of date; it sets no status. */
    record Provisional(String period, LocalDate periodEnd, Double value) {}

    record Value(
            String kpiId,
            String period,
            LocalDate periodEnd,
            String regionCode,
            Double value,
            LocalDateTime knownAt,
            boolean latestVintage) {}

    record Region(String code, LocalizedText name) {}

    record Submission(
            String id,
            String templateId,
            String submitter,
            String period,
            String status,
            String fileName,
            LocalDateTime receivedAt) {}

    static final String NATIONAL = "00";

    static WarehouseSnapshot read(Connection connection) throws SQLException {
        List<Kpi> kpis = new ArrayList<>();
        // a warehouse built before the scoring columns existed (a rolled-back version): the target as it was declared
        String scoringTarget =
                optional(connection, "kpi_catalogue", "scoring_target", "coalesce(target_2030, milestone_2026)");
        String scoringKind = optional(
                connection,
                "kpi_catalogue",
                "scoring_target_kind",
                "case when target_2030 is not null then 'target_2030' when milestone_2026 is not null"
                        + " then 'milestone_2026' end");
        String held = optional(connection, "kpi_catalogue", "target_held_since_baseline", "false");
        // before the French and Arabic wording existed, every language reads the English
        String wording = optional(connection, "kpi_catalogue", "definition_fr", "definition") + " as definition_fr, "
                + optional(connection, "kpi_catalogue", "definition_ar", "definition") + " as definition_ar, "
                + optional(connection, "kpi_catalogue", "target_basis_fr", "target_basis") + " as target_basis_fr, "
                + optional(connection, "kpi_catalogue", "target_basis_ar", "target_basis") + " as target_basis_ar";
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select kpi_id, pillar, name_fr, name_ar, name_en, unit, direction, frequency, source_template,"
                                + " definition, aggregation, has_regions, baseline_period, baseline_value, milestone_2026,"
                                + " target_2030, target_basis, target_source, trajectory, "
                                + scoringTarget + " as scoring_target, " + scoringKind + " as scoring_target_kind, "
                                + held + " as target_held_since_baseline, " + wording
                                + " from kpi_catalogue order by kpi_id")) {
            while (rows.next()) {
                String id = rows.getString("kpi_id");
                kpis.add(new Kpi(
                        id,
                        rows.getString("pillar"),
                        new LocalizedText(
                                orDefault(rows.getString("name_fr"), id),
                                orDefault(rows.getString("name_ar"), id),
                                orDefault(rows.getString("name_en"), id)),
                        rows.getString("unit"),
                        rows.getString("direction"),
                        rows.getString("frequency"),
                        rows.getString("source_template"),
                        texts(rows, "definition"),
                        rows.getString("aggregation"),
                        rows.getBoolean("has_regions"),
                        rows.getString("baseline_period"),
                        doubleOrNull(rows, "baseline_value"),
                        doubleOrNull(rows, "milestone_2026"),
                        doubleOrNull(rows, "target_2030"),
                        texts(rows, "target_basis"),
                        rows.getString("target_source"),
                        rows.getString("trajectory"),
                        doubleOrNull(rows, "scoring_target"),
                        rows.getString("scoring_target_kind"),
                        rows.getBoolean("target_held_since_baseline")));
            }
        }
        Map<String, List<Score>> latest = scores(connection, "kpi_latest");
        Map<String, List<Score>> history = scores(connection, "kpi_score");
        Map<String, List<Value>> values = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select kpi_id, period, period_end, region_code, value, known_at, is_latest_vintage"
                                + " from kpi_value order by kpi_id, region_code, period_end, period, known_at")) {
            while (rows.next()) {
                Value value = new Value(
                        rows.getString("kpi_id"),
                        rows.getString("period"),
                        date(rows, "period_end"),
                        rows.getString("region_code"),
                        doubleOrNull(rows, "value"),
                        dateTime(rows, "known_at"),
                        rows.getBoolean("is_latest_vintage"));
                values.computeIfAbsent(value.kpiId(), id -> new ArrayList<>()).add(value);
            }
        }
        List<Region> regions = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select region_code, name_fr, name_ar, name_en from dim_region"
                        + " where region_code <> '00' order by region_code")) {
            while (rows.next()) {
                regions.add(new Region(
                        rows.getString(1), new LocalizedText(rows.getString(2), rows.getString(3), rows.getString(4))));
            }
        }
        Map<String, Submission> submissions = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select submission_id, template_id, submitter, period, status, file_name, received_at"
                                + " from submission order by submission_id")) {
            while (rows.next()) {
                submissions.put(
                        rows.getString(1),
                        new Submission(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6),
                                dateTime(rows, "received_at")));
            }
        }
        return new WarehouseSnapshot(
                kpis,
                latest,
                history,
                values,
                regions,
                submissions,
                templateTitles(connection),
                dataDate(connection, history));
    }

    /** The reporting templates' titles, to name the source of a KPI's figures; none in a warehouse without them. */
    private static Map<String, LocalizedText> templateTitles(Connection connection) throws SQLException {
        Map<String, LocalizedText> titles = new LinkedHashMap<>();
        if (!hasColumn(connection, "dim_template", "title_en")) {
            return titles;
        }
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select template_id, title_fr, title_ar, title_en from dim_template order by template_id")) {
            while (rows.next()) {
                String id = rows.getString(1);
                titles.put(
                        id,
                        new LocalizedText(
                                orDefault(rows.getString(2), id),
                                orDefault(rows.getString(3), id),
                                orDefault(rows.getString(4), id)));
            }
        }
        return titles;
    }

    /** The run's as-of date when runs are recorded, else the latest period end: a fact of the data, never "now". */
    private static Optional<LocalDate> dataDate(Connection connection, Map<String, List<Score>> history)
            throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select as_of from ops_run where as_of is not null order by run_id desc limit 1")) {
            if (rows.next()) {
                return Optional.of(rows.getObject(1, LocalDate.class));
            }
        }
        return history.values().stream()
                .flatMap(List::stream)
                .map(Score::periodEnd)
                .filter(date -> date != null)
                .max(Comparator.naturalOrder());
    }

    private static Map<String, List<Score>> scores(Connection connection, String table) throws SQLException {
        Map<String, List<Score>> result = new LinkedHashMap<>();
        // a warehouse built before a column existed (a rolled-back version) lacks it: unknown
        String periodComplete = optional(connection, table, "period_complete", "null");
        // a list since warehouses have kpi_lineage, comma-separated text before
        String submissionIds = isList(connection, table, "submission_ids")
                ? "array_to_string(submission_ids, ',') as submission_ids"
                : "submission_ids";
        String provisional = hasColumn(connection, table, "provisional_period")
                ? "provisional_period, provisional_period_end, provisional_value"
                : "null as provisional_period, null as provisional_period_end, null as provisional_value";
        // the table name is one of two constants, never data
        try (PreparedStatement statement = connection.prepareStatement(
                        "select kpi_id, period, period_end, region_code, value, progress_clipped, status,"
                                + " forecast_2030, known_at, " + submissionIds + ", " + periodComplete
                                + " as period_complete,"
                                + " trajectory_value, " + provisional
                                + " from " + table
                                + " order by kpi_id, region_code, period_end nulls first, period");
                ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Score score = new Score(
                        rows.getString("kpi_id"),
                        rows.getString("period"),
                        date(rows, "period_end"),
                        orDefault(rows.getString("region_code"), NATIONAL),
                        doubleOrNull(rows, "value"),
                        doubleOrNull(rows, "progress_clipped"),
                        orDefault(rows.getString("status"), "no_data"),
                        doubleOrNull(rows, "forecast_2030"),
                        dateTime(rows, "known_at"),
                        rows.getString("submission_ids"),
                        (Boolean) rows.getObject("period_complete"),
                        doubleOrNull(rows, "trajectory_value"),
                        rows.getString("provisional_period") == null
                                ? null
                                : new Provisional(
                                        rows.getString("provisional_period"),
                                        date(rows, "provisional_period_end"),
                                        doubleOrNull(rows, "provisional_value")));
                result.computeIfAbsent(score.kpiId(), id -> new ArrayList<>()).add(score);
            }
        }
        return result;
    }

    /** The column when the table has it, else the fallback expression (both constants of this class, never data). */
    private static String optional(Connection connection, String table, String column, String fallback)
            throws SQLException {
        return hasColumn(connection, table, column) ? column : fallback;
    }

    private static boolean isList(Connection connection, String table, String column) throws SQLException {
        return columns(connection, table, column, " and data_type like '%[]'") > 0;
    }

    private static boolean hasColumn(Connection connection, String table, String column) throws SQLException {
        return columns(connection, table, column, "") > 0;
    }

    /** @param condition a constant of this class, never data */
    private static long columns(Connection connection, String table, String column, String condition)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "select count(*) from information_schema.columns where table_name = ? and column_name = ?"
                        + condition)) {
            statement.setString(1, table);
            statement.setString(2, column);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    Optional<Score> latestNational(String kpiId) {
        return latestByKpi.getOrDefault(kpiId, List.of()).stream()
                .filter(score -> NATIONAL.equals(score.regionCode()))
                .findFirst();
    }

    String status(String kpiId) {
        return latestNational(kpiId).map(Score::status).orElse("no_data");
    }

    List<Score> nationalHistory(String kpiId) {
        return historyByKpi.getOrDefault(kpiId, List.of()).stream()
                .filter(score ->
                        NATIONAL.equals(score.regionCode()) && score.value() != null && score.periodEnd() != null)
                .toList();
    }

    List<Score> latestRegional(String kpiId) {
        return latestByKpi.getOrDefault(kpiId, List.of()).stream()
                .filter(score -> !NATIONAL.equals(score.regionCode()) && score.value() != null)
                .toList();
    }

    /** Runs a page query with its bound parameters and returns every cell as a Java value. */
    static QueryResult query(Connection connection, String sql, List<Object> parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int index = 0; index < parameters.size(); index++) {
                statement.setObject(index + 1, parameters.get(index));
            }
            try (ResultSet rows = statement.executeQuery()) {
                ResultSetMetaData meta = rows.getMetaData();
                List<String> columns = new ArrayList<>();
                for (int column = 1; column <= meta.getColumnCount(); column++) {
                    columns.add(meta.getColumnLabel(column));
                }
                List<List<Object>> result = new ArrayList<>();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int column = 1; column <= columns.size(); column++) {
                        Object value = rows.getObject(column);
                        if (value instanceof Timestamp timestamp) {
                            value = timestamp.toLocalDateTime();
                        } else if (value instanceof java.time.OffsetDateTime instant) {
                            value = instant.withOffsetSameInstant(java.time.ZoneOffset.UTC)
                                    .toLocalDateTime(); // an instant, shown in UTC as the site says
                        } else if (value instanceof java.sql.Date date) {
                            value = date.toLocalDate();
                        }
                        row.add(value);
                    }
                    result.add(row);
                }
                return new QueryResult(columns, result);
            }
        }
    }

    record QueryResult(List<String> columns, List<List<Object>> rows) {

        int indexOf(String column, String where) {
            int index = columns.indexOf(column);
            if (index < 0) {
                throw new IllegalArgumentException(
                        where + ": the query has no column '" + column + "', it has " + columns);
            }
            return index;
        }
    }

    /** A catalogue text in its three columns ({@code column} in English, {@code column_fr}, {@code column_ar}). */
    private static LocalizedText texts(ResultSet rows, String column) throws SQLException {
        String english = rows.getString(column);
        if (english == null || english.isBlank()) {
            return null;
        }
        return new LocalizedText(
                orDefault(rows.getString(column + "_fr"), english),
                orDefault(rows.getString(column + "_ar"), english),
                english);
    }

    private static String orDefault(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static Double doubleOrNull(ResultSet rows, String column) throws SQLException {
        double value = rows.getDouble(column);
        return rows.wasNull() ? null : value;
    }

    private static LocalDate date(ResultSet rows, String column) throws SQLException {
        return rows.getObject(column, LocalDate.class);
    }

    private static LocalDateTime dateTime(ResultSet rows, String column) throws SQLException {
        return Instants.utc(rows, rows.findColumn(column)); // known_at, received_at: instants, shown in UTC
    }
}
