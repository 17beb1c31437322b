package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import ma.marsad.pipeline.config.SqlFileLines;

/**
 * Runs KPI queries on the warehouse, over the current rows or over the rows as known at a past time, optionally
 * restricted to one submitter.
 *
 * <p>A KPI query names {@code fct_<template>} unqualified. To restrict it, a temporary view of that name is created
 * over the warehouse table (current rows) or over {@code hist_<template>} (every version), keeping only the submissions
 * listed in the temporary table {@code kpi_visible_submission}; DuckDB resolves temporary objects first, so the KPI's
 * SQL runs unchanged.
 */
final class KpiQueries implements AutoCloseable {

    private static final String ACCEPTED = "status in ('accepted', 'accepted_with_quarantine')";

    private final Connection connection;
    private final WarehouseTables tables;
    private final Map<String, LocalDateTime> receivedAt;
    private final List<String> shadowViews = new ArrayList<>();

    private KpiQueries(Connection connection, WarehouseTables tables, Map<String, LocalDateTime> receivedAt) {
        this.connection = connection;
        this.tables = tables;
        this.receivedAt = receivedAt;
    }

    static KpiQueries open(Connection warehouse) throws SQLException {
        WarehouseTables tables = WarehouseTables.of(warehouse);
        Map<String, LocalDateTime> receivedAt = new HashMap<>();
        if (tables.exists("submission")) {
            try (Statement statement = warehouse.createStatement();
                    ResultSet result = statement.executeQuery(
                            "select submission_id, received_at from submission where received_at is not null")) {
                while (result.next()) {
                    receivedAt.put(result.getString(1), result.getTimestamp(2).toLocalDateTime());
                }
            }
        }
        return new KpiQueries(warehouse, tables, receivedAt);
    }

    /** True when the KPI's source table exists and holds at least one row. */
    boolean hasSourceRows(KpiDefinition kpi) throws SQLException {
        if (kpi.sourceTable() == null || !tables.exists(kpi.sourceTable())) {
            return false;
        }
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        "select exists (select 1 from " + tables.qualified(kpi.sourceTable()) + ")")) {
            result.next();
            return result.getBoolean(1);
        }
    }

    /** The KPI over the current rows, of one submitter when {@code submitter} is not null. */
    List<KpiObservation> current(KpiDefinition kpi, String submitter) throws SQLException {
        if (submitter == null) {
            return run(kpi);
        }
        try (PreparedStatement statement = connection.prepareStatement(
                "create or replace temp table kpi_visible_submission as select distinct submission_id from "
                        + tables.qualified(kpi.sourceTable()) + " where submitter = ?")) {
            statement.setString(1, submitter);
            statement.execute();
        }
        return runShadowed(kpi, kpi.sourceTable());
    }

    /** True when every version of the source rows is available, so that past vintages can be computed. */
    boolean hasHistory(KpiDefinition kpi) {
        return tables.exists(kpi.historyTable()) && tables.exists("submission");
    }

    /** The received times of the accepted submissions of the KPI's template up to {@code until} (exclusive). */
    List<LocalDateTime> vintageTimes(KpiDefinition kpi, String submitter, LocalDateTime until) throws SQLException {
        List<LocalDateTime> times = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select distinct received_at from submission where template_id = ? and " + ACCEPTED
                        + " and received_at < ?" + (submitter == null ? "" : " and submitter = ?")
                        + " order by received_at")) {
            statement.setString(1, kpi.sourceTemplate());
            statement.setTimestamp(2, Timestamp.valueOf(until));
            if (submitter != null) {
                statement.setString(3, submitter);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    times.add(result.getTimestamp(1).toLocalDateTime());
                }
            }
        }
        return times;
    }

    /**
     * The KPI as it was published at {@code knownAt}: over the version of each (submitter, period) that was the latest
     * received by then (later received_at, then file name, then SHA-256 wins, as for revisions).
     */
    List<KpiObservation> asKnownAt(KpiDefinition kpi, LocalDateTime knownAt, String submitter) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(
                "create or replace temp table kpi_visible_submission as select submission_id from "
                        + tables.qualified("submission") + " where template_id = ? and " + ACCEPTED
                        + " and received_at <= ?" + (submitter == null ? "" : " and submitter = ?")
                        + " qualify row_number() over (partition by submitter, period"
                        + " order by received_at desc, file_name desc, submission_id desc) = 1")) {
            statement.setString(1, kpi.sourceTemplate());
            statement.setTimestamp(2, Timestamp.valueOf(knownAt));
            if (submitter != null) {
                statement.setString(3, submitter);
            }
            statement.execute();
        }
        return runShadowed(kpi, kpi.historyTable());
    }

    /** Submitters other than the authoritative one that have rows in the KPI's source table. */
    List<String> otherSubmitters(KpiDefinition kpi) throws SQLException {
        List<String> submitters = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement("select distinct submitter from "
                + tables.qualified(kpi.sourceTable()) + " where submitter <> ? order by submitter")) {
            statement.setString(1, kpi.authoritativeSubmitter());
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    submitters.add(result.getString(1));
                }
            }
        }
        return submitters;
    }

    private List<KpiObservation> runShadowed(KpiDefinition kpi, String rowsTable) throws SQLException {
        String view = kpi.sourceTable();
        try (Statement statement = connection.createStatement()) {
            statement.execute("create or replace temp view " + view + " as select * from " + tables.qualified(rowsTable)
                    + " where submission_id in (select submission_id from kpi_visible_submission)");
            if (!shadowViews.contains(view)) {
                shadowViews.add(view);
            }
            try {
                return run(kpi);
            } finally {
                statement.execute("drop view if exists temp.main." + view);
            }
        }
    }

    private List<KpiObservation> run(KpiDefinition kpi) throws SQLException {
        List<KpiObservation> observations = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(kpi.sql().strip().replaceAll(";+$", ""))) {
            while (result.next()) {
                double value = result.getDouble("value");
                if (result.wasNull()) {
                    continue;
                }
                observations.add(observation(kpi, result, value));
            }
        } catch (SQLException e) {
            String file = kpi.sqlFile() == null ? kpi.sourceFile() : kpi.sqlFile();
            String where = SqlFileLines.where(file, e.getMessage(), 1 - SqlFileLines.leadingLines(kpi.sql()));
            throw new SQLException(
                    "KPI " + kpi.id() + " (" + where + "): its SQL failed: " + e.getMessage()
                            + "; it must return period, period_end, region_code, value, submission_ids",
                    e);
        }
        return observations;
    }

    private KpiObservation observation(KpiDefinition kpi, ResultSet result, double value) throws SQLException {
        String period = result.getString("period");
        java.sql.Date periodEnd = result.getDate("period_end");
        if (period == null || periodEnd == null) {
            throw new SQLException("KPI " + kpi.id() + " (" + kpi.sourceFile()
                    + "): its SQL returned a row without period or period_end; every row needs both");
        }
        String region = Objects.requireNonNullElse(result.getString("region_code"), KpiObservation.NATIONAL);
        if (!kpi.hasRegions() && !KpiObservation.NATIONAL.equals(region)) {
            throw new SQLException("KPI " + kpi.id() + " (" + kpi.sourceFile() + "): its SQL returned region_code '"
                    + region + "' but has_regions is false; set has_regions: true or return national rows ('00') only");
        }
        String submissionIds = normalise(result.getString("submission_ids"));
        return new KpiObservation(
                period, periodEnd.toLocalDate(), region, value, submissionIds, knownAt(submissionIds));
    }

    private LocalDateTime knownAt(String submissionIds) {
        return Arrays.stream(submissionIds.split(","))
                .map(receivedAt::get)
                .filter(Objects::nonNull)
                .max(LocalDateTime::compareTo)
                .orElse(null);
    }

    static String normalise(String submissionIds) {
        if (submissionIds == null) {
            return "";
        }
        return Arrays.stream(submissionIds.split(","))
                .map(String::strip)
                .filter(id -> !id.isEmpty())
                .distinct()
                .sorted()
                .collect(Collectors.joining(","));
    }

    static LocalDateTime startOfNextDay(LocalDate date) {
        return date.plusDays(1).atStartOfDay();
    }

    @Override
    public void close() throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String view : shadowViews) {
                statement.execute("drop view if exists temp.main." + view);
            }
            statement.execute("drop table if exists temp.main.kpi_visible_submission");
        }
    }
}
