package ma.marsad.pipeline.warehouse;

import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a warehouse file records of its own build ({@code ops_build_state}, {@code ops_build_change}): full or
 * incremental and why, the definitions and the as-of date it was built with, and, for an incremental build, the date
 * of the warehouse it started from and the submissions that changed since. The next night trusts it to start from this
 * file; the scoring step reads it to score only what changed.
 */
public record BuildState(
        String mode,
        String reason,
        String definitionsFingerprint,
        LocalDate asOf,
        LocalDate previousAsOf,
        ChangeSet changes) {

    public static final String FULL = "full";
    public static final String INCREMENTAL = "incremental";

    public boolean incremental() {
        return INCREMENTAL.equals(mode);
    }

    void write(Connection warehouse) throws SQLException {
        SqlScript.execute(warehouse, BuildState.class, "build-state.sql");
        List<Object[]> state = new ArrayList<>();
        state.add(new Object[] {mode, reason, definitionsFingerprint, asOf, previousAsOf});
        Rows.append(warehouse, "main", "ops_build_state", state);
        List<Object[]> changed = new ArrayList<>();
        for (Map.Entry<String, Set<String>> kind : byKind(changes).entrySet()) {
            for (String id : new TreeSet<>(kind.getValue())) {
                changed.add(new Object[] {id, kind.getKey()});
            }
        }
        Rows.append(warehouse, "main", "ops_build_change", changed);
    }

    /** The state a warehouse recorded, or empty for a file built before builds recorded it. */
    public static Optional<BuildState> read(Connection warehouse) throws SQLException {
        if (!hasTable(warehouse, "ops_build_state") || !hasTable(warehouse, "ops_build_change")) {
            return Optional.empty();
        }
        Map<String, Set<String>> changes = new TreeMap<>();
        for (String kind : byKind(ChangeSet.NONE).keySet()) {
            changes.put(kind, new TreeSet<>());
        }
        try (Statement statement = warehouse.createStatement()) {
            try (ResultSet result = statement.executeQuery("select submission_id, change from main.ops_build_change")) {
                while (result.next()) {
                    changes.computeIfAbsent(result.getString(2), kind -> new TreeSet<>())
                            .add(result.getString(1));
                }
            }
            try (ResultSet result = statement.executeQuery("select mode, reason, definitions_fingerprint, as_of,"
                    + " previous_as_of from main.ops_build_state")) {
                if (!result.next()) {
                    return Optional.empty();
                }
                return Optional.of(new BuildState(
                        result.getString(1),
                        result.getString(2),
                        result.getString(3),
                        localDate(result.getDate(4)),
                        localDate(result.getDate(5)),
                        new ChangeSet(
                                changes.get("became_current"),
                                changes.get("left_current"),
                                changes.get("newly_accepted"))));
            }
        }
    }

    private static Map<String, Set<String>> byKind(ChangeSet changes) {
        Map<String, Set<String>> kinds = new TreeMap<>();
        kinds.put("became_current", changes.becameCurrent());
        kinds.put("left_current", changes.leftCurrent());
        kinds.put("newly_accepted", changes.newlyAccepted());
        return kinds;
    }

    static boolean hasTable(Connection warehouse, String table) throws SQLException {
        try (Statement statement = warehouse.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from information_schema.tables"
                        + " where table_schema = 'main' and table_name = '" + table + "'")) {
            result.next();
            return result.getLong(1) > 0;
        }
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}
