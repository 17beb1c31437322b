package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.template.ColumnSpec;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import org.junit.jupiter.api.Test;

class RowPeriodTests {

    /** Each shipped template and the period of a row dated 2026-11-27 (or in its quarter, semester, year). */
    private static final Map<String, String> EXPECTED = Map.of(
            "egov-requests", "2026-11-27",
            "eservices-catalogue", "2026-11-27",
            "startup-funding", "2026-11",
            "ai-programme-quarterly", "2026-Q4",
            "telecom-quarterly", "2026-Q4",
            "digital-training", "2026-S2",
            "digital-economy-annual", "2026",
            "un-egov-survey", "2026");

    @Test
    void aBatchRowAndTypedValuesGiveTheSamePeriod() {
        TemplateCatalog catalog = TemplateCatalog.shipped();
        EXPECTED.forEach((template, expected) -> {
            TemplateContract contract = catalog.contract(template);
            Object[] values = new Object[contract.columns().size()];
            RowPeriod period = new RowPeriod(contract);
            int[] columns = period.columns();
            for (int i = 0; i < columns.length; i++) {
                values[columns[i]] = sample(contract.columns().get(columns[i]), i);
            }
            ColumnBatch batch = new ColumnBatch(
                    contract.columns().stream().map(ColumnSpec::type).toList(), 2);
            for (int column = 0; column < values.length; column++) {
                batch.set(column, 1, values[column]);
            }
            assertThat(period.of(values)).as(template).isEqualTo(expected);
            assertThat(period.of(batch, 1)).as(template).isEqualTo(expected);
        });
    }

    @Test
    void theDayOfADateTimeIsItsLocalDayAtEitherEndOfTheDay() {
        TemplateContract egov = TemplateCatalog.shipped().contract("egov-requests");
        RowPeriod period = new RowPeriod(egov);
        ColumnBatch batch =
                new ColumnBatch(egov.columns().stream().map(ColumnSpec::type).toList(), 2);
        int submittedAt = egov.columnIndex("submitted_at");
        batch.set(submittedAt, 0, LocalDateTime.of(2026, 11, 27, 0, 0));
        batch.set(submittedAt, 1, LocalDateTime.of(2026, 11, 27, 23, 59, 59));
        assertThat(period.of(batch, 0)).isEqualTo("2026-11-27");
        assertThat(period.of(batch, 1)).isEqualTo("2026-11-27");
        batch.set(submittedAt, 0, LocalDateTime.of(1969, 12, 31, 23, 59, 59));
        assertThat(period.of(batch, 0)).isEqualTo("1969-12-31");
    }

    private static Object sample(ColumnSpec column, int position) {
        return switch (column.type()) {
            case DATETIME -> LocalDateTime.of(2026, 11, 27, 9, 30);
            case DATE -> LocalDate.of(2026, 11, 27);
            case YEAR -> 2026;
            case QUARTER -> "2026-Q4";
            default -> position == 0 ? "2026-Q4" : "S2";
        };
    }
}
