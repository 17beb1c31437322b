package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import ma.marsad.pipeline.warehouse.SqlScript;

/** Builds {@code un_egov_scores} from {@code fct_un_egov_survey} (an empty table when the survey is not loaded). */
final class UnEgovScores {

    static final String SOURCE_TABLE = "fct_un_egov_survey";

    private UnEgovScores() {}

    static void build(Connection warehouse) throws SQLException {
        boolean loaded = WarehouseTables.of(warehouse).exists(SOURCE_TABLE);
        SqlScript.execute(warehouse, UnEgovScores.class, loaded ? "un-egov-scores.sql" : "un-egov-scores-empty.sql");
    }
}
