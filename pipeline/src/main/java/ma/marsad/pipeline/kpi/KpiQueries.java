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
import java.util.Set;
import java.util.TreeSet;
import ma.marsad.pipeline.config.SqlFileLines;
import ma.marsad.pipeline.warehouse.ChangedSubmissions;
import ma.marsad.pipeline.warehouse.Instants;

/**
 * Runs KPI queries on the warehouse, over the current rows or over the rows as known at a past time, optionally
 * restricted to one submitter.
 *
 * <p>A KPI query names {@code fct_<template>} unqualified. To restrict it, a temporary view of that name is created
 * over the warehouse table (current rows) or over {@code hist_<template>} (every version), keeping only the visible
 * submissions; DuckDB resolves temporary objects first, so the KPI's SQL runs unchanged.
 */
final class KpiQueries implements AutoCloseable {

    private static final String ACCEPTED = "status in ('accepted', 'accepted_with_quarantine')";

    /**
     * Joins a submission id to a row number while a KPI query runs: the query's {@code submission_ids} then name the
     * very rows it used, which the engine counts per submission (kpi_lineage) before reducing them to submissions.
     */
    static final String ROW_MARK = "#";

    private final Connection connection;
    private final WarehouseTables tables;
    private final Map<String, Submission> submissions;
    private final List<String> shadowViews = new ArrayList<>();
    private final RowTags rowTags;

    /** A submission as the warehouse's {@code submission} table records it. */
    record Submission(
            String id,
            String template,
            String submitter,
            String period,
            boolean accepted,
            boolean current,
            LocalDateTime receivedAt,
            long rows) {

        /** Whether both are versions of one (template, submitter, period): a later one replaces an earlier one. */
        boolean sameReportAs(Submission other) {
            return template.equals(other.template())
                    && submitter.equals(other.submitter())
                    && Objects.equals(period, other.period());
        }
    }

    private KpiQueries(Connection connection, WarehouseTables tables, Map<String, Submission> submissions) {
        this.connection = connection;
        this.tables = tables;
        this.submissions = submissions;
        this.rowTags = new RowTags(connection, tables);
    }

    static KpiQueries open(Connection warehouse) throws SQLException {
        WarehouseTables tables = WarehouseTables.of(warehouse);
        Map<String, Submission> submissions = new HashMap<>();
        if (tables.exists("submission")) {
            try (Statement statement = warehouse.createStatement();
                    ResultSet result = statement.executeQuery("select submission_id, template_id, submitter, period, "
                            + ACCEPTED + ", is_current, received_at, coalesce(rows_accepted, 0) from submission"
                            + " where received_at is not null")) {
                while (result.next()) {
                    submissions.put(
                            result.getString(1),
                            new Submission(
                                    result.getString(1),
                                    result.getString(2),
                                    result.getString(3),
                                    result.getString(4),
                                    result.getBoolean(5),
                                    result.getBoolean(6),
                                    Instants.utc(result, 7),
                                    result.getLong(8)));
                }
            }
        }
        return new KpiQueries(warehouse, tables, submissions);
    }

    /** The vintage times of the given submissions: received times of the accepted ones before {@code until}. */
    Set<LocalDateTime> vintageTimes(Set<String> ids, LocalDateTime until) {
        Set<LocalDateTime> times = new TreeSet<>();
        for (String id : ids) {
            Submission submission = submissions.get(id);
            if (submission != null
                    && submission.accepted()
                    && submission.receivedAt().isBefore(until)) {
                times.add(submission.receivedAt());
            }
        }
        return times;
    }

    /** Every submission of the warehouse by id. */
    Map<String, Submission> submissions() {
        return submissions;
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
            return runShadowed(kpi, kpi.sourceTable(), null);
        }
        if (!tables.exists("submission")) {
            return runShadowed(kpi, kpi.sourceTable(), submissionsInSource(kpi, submitter));
        }
        return runShadowed(kpi, kpi.sourceTable(), currentOf(kpi, submitter, null));
    }

    /** The submissions of one submitter in the source table, for a warehouse without a submission registry. */
    private Set<String> submissionsInSource(KpiDefinition kpi, String submitter) throws SQLException {
        Set<String> ids = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                "select distinct submission_id from " + tables.qualified(kpi.sourceTable()) + " where submitter = ?")) {
            statement.setString(1, submitter);
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    ids.add(result.getString(1));
                }
            }
        }
        return ids;
    }

    /** The KPI over the current rows of the given submissions only (of one submitter when it is not null). */
    List<KpiObservation> currentAmong(KpiDefinition kpi, String submitter, Set<String> among) throws SQLException {
        return runShadowed(kpi, kpi.sourceTable(), currentOf(kpi, submitter, among));
    }

    /** The KPI over every row (current or superseded) of the given submissions, as if they alone were visible. */
    List<KpiObservation> over(KpiDefinition kpi, Set<String> ids) throws SQLException {
        return runShadowed(kpi, kpi.historyTable(), ids);
    }

    private Set<String> currentOf(KpiDefinition kpi, String submitter, Set<String> among) {
        Set<String> ids = new TreeSet<>();
        for (Submission submission : submissions.values()) {
            if (submission.current()
                    && kpi.sourceTemplate().equals(submission.template())
                    && (submitter == null || submitter.equals(submission.submitter()))
                    && (among == null || among.contains(submission.id()))) {
                ids.add(submission.id());
            }
        }
        return ids;
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
                    times.add(Instants.utc(result, 1));
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
        return asKnownAtAmong(kpi, knownAt, submitter, null);
    }

    /**
     * The query of the submissions visible at a time: for each (submitter, period) of the template, the accepted version
     * received last by then (later received_at, then file name, then SHA-256 wins, as for revisions). The arguments are
     * SQL expressions (a parameter, a column, a literal); {@code submitter} null for every submitter.
     */
    static String visibleVersions(String submissionTable, String template, String knownAt, String submitter) {
        return "select submission_id from " + submissionTable + " where template_id = " + template + " and " + ACCEPTED
                + " and received_at <= " + knownAt + (submitter == null ? "" : " and submitter = " + submitter)
                + " qualify row_number() over (partition by submitter, period"
                + " order by received_at desc, file_name desc, submission_id desc) = 1";
    }

    /** As {@link #asKnownAt}, over the versions known at {@code knownAt} that are among the given submissions. */
    List<KpiObservation> asKnownAtAmong(KpiDefinition kpi, LocalDateTime knownAt, String submitter, Set<String> among)
            throws SQLException {
        Set<String> visible = new TreeSet<>();
        try (PreparedStatement statement = connection.prepareStatement(
                visibleVersions(tables.qualified("submission"), "?", "?", submitter == null ? null : "?"))) {
            statement.setString(1, kpi.sourceTemplate());
            statement.setTimestamp(2, Timestamp.valueOf(knownAt));
            if (submitter != null) {
                statement.setString(3, submitter);
            }
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    if (among == null || among.contains(result.getString(1))) {
                        visible.add(result.getString(1));
                    }
                }
            }
        }
        return runShadowed(kpi, kpi.historyTable(), visible);
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

    /**
     * Runs the KPI over the rows of the visible submissions only (every row when {@code visible} is null), listed
     * literally so that DuckDB's zone maps skip the row groups of other submissions (rows are stored submission by
     * submission). Each row's submission_id carries its source_row, so that the KPI names the rows it used.
     */
    private List<KpiObservation> runShadowed(KpiDefinition kpi, String rowsTable, Set<String> visible)
            throws SQLException {
        String view = kpi.sourceTable();
        String ids = visible == null ? "true" : ChangedSubmissions.filter(visible);
        boolean rowsCounted = rowTags.countsRows(rowsTable);
        try (Statement statement = connection.createStatement()) {
            statement.execute("create or replace temp view " + view + " as " + rowTags.rows(rowsTable, ids));
            if (!shadowViews.contains(view)) {
                shadowViews.add(view);
            }
            // a failed query aborts the transaction, whose rollback takes the view: dropping it then would hide the
            // error
            List<KpiObservation> observations = run(kpi, rowsCounted);
            statement.execute("drop view if exists temp.main." + view);
            return observations;
        }
    }

    private List<KpiObservation> run(KpiDefinition kpi, boolean rowsCounted) throws SQLException {
        List<KpiObservation> observations = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(
                        RowTags.WITH_SOURCE_ROWS + kpi.sql().strip().replaceAll(";+$", "") + "\n) as k")) {
            while (result.next()) {
                double value = result.getDouble("value");
                if (result.wasNull()) {
                    continue;
                }
                observations.add(observation(kpi, result, kpi.published(value), rowsCounted));
            }
        } catch (SQLException e) {
            String file = kpi.sqlFile() == null ? kpi.sourceFile() : kpi.sqlFile();
            // the query starts one line below the file's first line: the wrapper's line comes first
            String where = SqlFileLines.where(file, e.getMessage(), 2 - SqlFileLines.leadingLines(kpi.sql()));
            throw new SQLException(
                    "KPI " + kpi.id() + " (" + where + "): its SQL failed: " + e.getMessage()
                            + "; it must return period, period_end, region_code, value, submission_ids",
                    e);
        }
        return observations;
    }

    private KpiObservation observation(KpiDefinition kpi, ResultSet result, double value, boolean rowsCounted)
            throws SQLException {
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
        Map<String, String> sources = rowTags.sources(result.getString("sources"), rowsCounted);
        String submissionIds = String.join(",", sources.keySet());
        return new KpiObservation(
                period,
                periodEnd.toLocalDate(),
                region,
                value,
                submissionIds,
                knownAt(submissionIds),
                String.join(",", sources.values()));
    }

    private LocalDateTime knownAt(String submissionIds) {
        return Arrays.stream(submissionIds.split(","))
                .map(submissions::get)
                .filter(Objects::nonNull)
                .map(Submission::receivedAt)
                .filter(Objects::nonNull)
                .max(LocalDateTime::compareTo)
                .orElse(null);
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
        }
        rowTags.close();
    }
}
