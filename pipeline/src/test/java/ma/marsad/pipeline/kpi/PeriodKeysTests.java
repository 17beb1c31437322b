package ma.marsad.pipeline.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.warehouse.SqlMacros;
import org.junit.jupiter.api.Test;

/** One rule for the end of a period: PeriodKeys in Java and the warehouse's period_end macro in SQL agree. */
class PeriodKeysTests {

    @Test
    void eachGrainEndsOnItsLastDay() {
        assertThat(PeriodKeys.endOf("2026")).isEqualTo(LocalDate.of(2026, 12, 31));
        assertThat(PeriodKeys.endOf("2026-S1")).isEqualTo(LocalDate.of(2026, 6, 30));
        assertThat(PeriodKeys.endOf("2024-Q1")).isEqualTo(LocalDate.of(2024, 3, 31));
        assertThat(PeriodKeys.endOf("2024-02")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PeriodKeys.endOf("2026-11-28")).isEqualTo(LocalDate.of(2026, 11, 28));
        assertThat(PeriodKeys.end("2026-Q5")).isEmpty();
        assertThat(PeriodKeys.end(null)).isEmpty();
        assertThatThrownBy(() -> PeriodKeys.endOf("T3 2026")).hasMessageContaining("is not a period key");
    }

    @Test
    void theSqlMacroGivesTheSameEndForEveryKey() throws SQLException {
        List<String> keys = new ArrayList<>(List.of("2026-Q5", "2026-S3", "2026-13x", "T3 2026", ""));
        for (LocalDate day = LocalDate.of(2023, 1, 1); day.getYear() < 2025; day = day.plusDays(1)) {
            keys.add(day.toString());
            keys.add(day.toString().substring(0, 7));
            keys.add(day.getYear() + "-Q" + ((day.getMonthValue() + 2) / 3));
            keys.add(day.getYear() + "-S" + (day.getMonthValue() <= 6 ? 1 : 2));
            keys.add(String.valueOf(day.getYear()));
        }
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            SqlMacros.load(ConfigFolder.shipped()).create(connection);
            try (PreparedStatement statement = connection.prepareStatement("select period_end(?)")) {
                for (String key : keys.stream().distinct().toList()) {
                    statement.setString(1, key);
                    try (ResultSet result = statement.executeQuery()) {
                        result.next();
                        LocalDate sql = result.getObject(1, LocalDate.class);
                        assertThat(java.util.Optional.ofNullable(sql)).as(key).isEqualTo(PeriodKeys.end(key));
                    }
                }
            }
        }
    }
}
