package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnEgovScoresTests {

    @Test
    void tiesShareTheirRankAndTheNextRankIsSkipped() throws SQLException {
        // given published EGDI 0.9, 0.8, 0.8, 0.7: standard competition ranks 1, 2, 2, 4
        try (Connection warehouse = scoredFromSurvey(
                "(2024, 'A', 1, 0.9, 0, 0.9, 0.9, 0.9, null)",
                "(2024, 'B ', 2, 0.8, 0, 0.8, 0.8, 0.8, null)",
                "(2024, 'C', 2, 0.8, 0, 0.7, 0.85, 0.85, null)",
                "(2024, 'D', 3, 0.7, 0, 0.7, 0.7, 0.7, null)")) {
            // then EGDI ranks 1, 2, 2, 4: D's published rank 3 (dense ranking) differs from the competition rank 4
            List<Map<String, Object>> rows = Warehouses.rows(
                    warehouse,
                    "select country, egdi_rank_computed, osi_rank_computed, differs from un_egov_scores order by country");
            assertThat(rows)
                    .containsExactly(
                            Map.of("country", "A", "egdi_rank_computed", 1, "osi_rank_computed", 1, "differs", false),
                            // country names are trimmed
                            Map.of("country", "B", "egdi_rank_computed", 2, "osi_rank_computed", 2, "differs", false),
                            // C: OSI 0.7 ties D for rank 3; EGDI (0.7 + 0.85 + 0.85) / 3 = 0.8 matches
                            Map.of("country", "C", "egdi_rank_computed", 2, "osi_rank_computed", 3, "differs", false),
                            Map.of("country", "D", "egdi_rank_computed", 4, "osi_rank_computed", 3, "differs", true));
        }
    }

    @Test
    void aRecomputedEgdiOffByMoreThanTheToleranceDiffers() throws SQLException {
        // given published 0.6 but (0.6 + 0.6 + 0.6003) / 3 = 0.6001: 1e-4 away, just above the tolerance
        try (Connection warehouse = scoredFromSurvey("(2022, 'A', 1, 0.6, 0, 0.6, 0.6, 0.6003001, null)")) {
            assertThat(Warehouses.single(warehouse, "select differs from un_egov_scores"))
                    .containsEntry("differs", true);
        }
    }

    @Test
    void withoutASurveyTableTheMartIsEmpty() throws SQLException {
        try (Connection warehouse = DriverManager.getConnection("jdbc:duckdb:")) {
            UnEgovScores.build(warehouse);

            assertThat(Warehouses.rows(warehouse, "select * from un_egov_scores"))
                    .isEmpty();
        }
    }

    /**
     * A warehouse whose un_egov_scores were built from these rows of fct_un_egov_survey (survey_year, country,
     * egdi_rank, egdi, epart, osi, hci, tii, region).
     */
    private static Connection scoredFromSurvey(String... rows) throws SQLException {
        Connection warehouse = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = warehouse.createStatement()) {
            statement.execute("create table fct_un_egov_survey (survey_year integer, country varchar, egdi_rank bigint,"
                    + " egdi double, epart double, osi double, hci double, tii double, region varchar)");
            statement.execute("insert into fct_un_egov_survey values " + String.join(", ", rows));
        }
        UnEgovScores.build(warehouse);
        return warehouse;
    }
}
