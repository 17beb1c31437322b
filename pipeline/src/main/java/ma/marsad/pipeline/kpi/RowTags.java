package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Names each source row while a KPI query runs, so that the ids the query aggregates into {@code submission_ids} name
 * the rows it used: the shadow view's {@code submission_id} becomes {@code <tag>#<source_row>}, the tag a short number
 * standing for the submission (a short text is hashed and compared several times faster than a SHA-256). Tags live in
 * a temporary table for the engine's connection only; they are never stored.
 */
final class RowTags {

    /** Wraps a KPI query: each value with, per submission tag, the number of distinct rows it used. */
    static final String WITH_SOURCE_ROWS = "select k.period, k.period_end, k.region_code, k.value,"
            + " array_to_string(list_transform(map_entries(list_aggregate(list_transform(list_distinct(list_filter("
            + "list_transform(string_split(k.submission_ids, ','), tag -> trim(tag)), tag -> tag <> '')),"
            + " tag -> split_part(tag, '" + KpiQueries.ROW_MARK + "', 1)), 'histogram')),"
            + " used -> used.key || '=' || used.value), ',') as sources from (\n";

    private static final String TABLE = "temp.main.marsad_submission_tag";

    /**
     * Set while the engine scores: a KPI may then name a submission's rows by their number, {@code <tag>*<rows>}, rather
     * than one by one, when listing them would not fit in memory (a month of national e-service requests).
     */
    static final String COUNTED_VARIABLE = "marsad_rows_counted";

    private static final char COUNT_MARK = '*';

    private final Connection connection;
    private final WarehouseTables tables;
    private final Map<String, Boolean> hasSourceRow = new HashMap<>();
    private final Set<String> tagged = new HashSet<>();
    private final Map<String, String> submissionOfTag = new HashMap<>();

    RowTags(Connection connection, WarehouseTables tables) {
        this.connection = connection;
        this.tables = tables;
    }

    /**
     * The rows of {@code rowsTable} that pass {@code filter}, each submission_id tagged with its row; untagged when the
     * table has no source_row (the submission calendar: a KPI on it names submissions only).
     */
    String rows(String rowsTable, String filter) throws SQLException {
        String rows = "select * from " + tables.source(rowsTable) + " where " + filter;
        if (!countsRows(rowsTable)) {
            return rows;
        }
        tag(rowsTable);
        return "select source.* replace (tag.tag || '" + KpiQueries.ROW_MARK + "' || source.source_row as"
                + " submission_id) from (" + rows + ") as source join " + TABLE
                + " as tag on tag.submission_id = source.submission_id";
    }

    /** Whether a KPI over this table counts rows (it has source_row). */
    boolean countsRows(String table) throws SQLException {
        Boolean known = hasSourceRow.get(table);
        if (known == null) {
            try (PreparedStatement statement = connection.prepareStatement("select count(*) > 0 from"
                    + " information_schema.columns where table_catalog = current_database() and table_schema = 'main'"
                    + " and table_name = ? and column_name = 'source_row'")) {
                statement.setString(1, table);
                try (ResultSet result = statement.executeQuery()) {
                    result.next();
                    known = result.getBoolean(1);
                }
            }
            hasSourceRow.put(table, known);
        }
        return known;
    }

    /**
     * The {@code sources} column of {@link #WITH_SOURCE_ROWS} as submission id → rows used, sorted by id (rows null
     * when the table has no rows of its own).
     */
    TreeMap<String, String> sources(String sources, boolean rowsCounted) {
        TreeMap<String, String> bySubmission = new TreeMap<>();
        if (sources == null || sources.isEmpty()) {
            return bySubmission;
        }
        for (String source : sources.split(",")) {
            int equals = source.lastIndexOf('=');
            String key = source.substring(0, equals);
            String rows = source.substring(equals + 1);
            int counted = key.indexOf(COUNT_MARK);
            if (counted >= 0) { // the KPI counted the submission's rows itself
                rows = key.substring(counted + 1);
                key = key.substring(0, counted);
            }
            if (rowsCounted) {
                String id = submissionOfTag.get(key);
                if (id == null) {
                    throw new IllegalStateException("a KPI query returned the unknown row tag " + key);
                }
                bySubmission.merge(id, rows, (a, b) -> String.valueOf(Long.parseLong(a) + Long.parseLong(b)));
            } else {
                bySubmission.put(key, "");
            }
        }
        return bySubmission;
    }

    /** Gives a tag to every submission of the table that has none yet. */
    private void tag(String table) throws SQLException {
        if (!tagged.add(table)) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("set variable " + COUNTED_VARIABLE + " = true");
            statement.execute(
                    "create temp table if not exists marsad_submission_tag (submission_id varchar, tag varchar)");
            statement.execute("insert into " + TABLE + " select submission_id, cast((select count(*) from " + TABLE
                    + ") + row_number() over (order by submission_id) as varchar) from (select distinct submission_id"
                    + " from " + tables.source(table) + " where submission_id not in (select submission_id from "
                    + TABLE + "))");
            try (ResultSet result = statement.executeQuery("select tag, submission_id from " + TABLE)) {
                while (result.next()) {
                    submissionOfTag.put(result.getString(1), result.getString(2));
                }
            }
        }
    }

    void close() throws SQLException {
        if (!tagged.isEmpty()) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop table if exists " + TABLE);
                statement.execute("reset variable " + COUNTED_VARIABLE);
            }
        }
    }
}
