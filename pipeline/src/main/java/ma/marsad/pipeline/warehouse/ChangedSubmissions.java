package ma.marsad.pipeline.warehouse;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The submissions whose rows a night replaces in the incremental models, written as a literal list so that DuckDB's
 * zone maps skip the row groups of other submissions (rows are stored submission by submission).
 *
 * @param ids the changed submissions
 * @param hadRows whether any of them had rows in the published warehouse (else there is nothing to delete)
 */
public record ChangedSubmissions(Set<String> ids, boolean hadRows) {

    public ChangedSubmissions {
        ids = Set.copyOf(new TreeSet<>(ids));
    }

    /** A SQL condition on {@code submission_id} true for the changed submissions only. */
    String filter() {
        return filter(ids);
    }

    /** A SQL condition on {@code submission_id} true for the given submissions only (false for none). */
    public static String filter(Set<String> ids) {
        if (ids.isEmpty()) {
            return "false";
        }
        return "submission_id in ("
                + new TreeSet<>(ids)
                        .stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(", "))
                + ")";
    }
}
