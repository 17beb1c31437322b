package ma.marsad.pipeline.warehouse;

import java.util.List;
import java.util.Objects;

/**
 * A warehouse table written by Java rather than by a SQL model (the KPI marts, the submission calendar, run metadata),
 * documented in {@code models/engines/<table>.yml} so the data dictionary covers every table analysts see.
 */
public record DocumentedTable(
        String name,
        String materialized,
        String writtenBy,
        String grain,
        String description,
        List<SqlModel.ColumnDoc> columns) {

    public DocumentedTable {
        Objects.requireNonNull(name, "name");
        if (writtenBy == null || writtenBy.isBlank() || grain == null || grain.isBlank()) {
            throw new IllegalArgumentException("models/engines/" + name
                    + ".yml: give 'written_by' (what writes the table) and 'grain' (one row per …)");
        }
        columns = List.copyOf(columns);
    }
}
