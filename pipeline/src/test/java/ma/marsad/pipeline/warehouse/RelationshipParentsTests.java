package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RelationshipParentsTests {

    private static final SqlModel.DataTest TO_SERVICE =
            new SqlModel.DataTest("relationships", "service_code", Map.of("to", "dim_service", "field", "code"));
    private static final SqlModel FACTS = new SqlModel(
            "fct_requests",
            "marts",
            "-- grain: one row per request\nselect 1",
            "one row per request",
            "models/marts/fct_requests.sql",
            "requests",
            "incremental",
            List.of(),
            List.of(TO_SERVICE));

    @Test
    void aParentThatGainedKeysKeepsTheTestOnTheChangedRows() throws SQLException {
        assertThat(keptKeys("('A'), ('B')", "('A'), ('B'), ('C')")).isTrue();
    }

    @Test
    void aParentThatLostAKeyMakesTheTestReadTheWholeTable() throws SQLException {
        assertThat(keptKeys("('A'), ('B')", "('A'), ('C')")).isFalse();
    }

    @Test
    void aParentTheStartingWarehouseLackedIsNeverTakenAsKept() throws SQLException {
        assertThat(keptKeys(null, "('A')")).isFalse();
    }

    /** The parent's codes before the night's models ran (null: no parent yet) and after. */
    private static boolean keptKeys(String before, String after) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
                Statement statement = connection.createStatement()) {
            if (before != null) {
                statement.execute("create table dim_service as select * from (values " + before + ") as t(code)");
            }
            RelationshipParents parents = new RelationshipParents();
            parents.remember(connection, List.of(FACTS));

            statement.execute("create or replace table dim_service as select * from (values " + after + ") as t(code)");

            return parents.keptKeys(connection, TO_SERVICE);
        }
    }
}
