package ma.marsad.pipeline.ingest;

import java.time.LocalDate;
import java.time.LocalDateTime;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.quality.Periods;
import ma.marsad.pipeline.template.ColumnType;
import ma.marsad.pipeline.template.PeriodType;
import ma.marsad.pipeline.template.TemplateContract;

/**
 * The period key of a typed row, read from the contract's period columns: a day or month from a date or date-time, a
 * quarter code, a year and semester, or a year. The last day's key is kept, since a file's rows are nearly all of one
 * day or month.
 */
final class RowPeriod {

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    private final PeriodType type;
    private final int[] columns;
    private long lastEpochDay = Long.MIN_VALUE;
    private String lastKey;

    RowPeriod(TemplateContract contract) {
        this.type = contract.periodType();
        this.columns = contract.periodRule().columns().stream()
                .mapToInt(contract::columnIndex)
                .toArray();
    }

    /** The contract columns the period is read from. */
    int[] columns() {
        return columns;
    }

    /** The period of a row of a batch; its period columns hold values. */
    String of(ColumnBatch batch, int row) {
        int first = columns[0];
        return switch (type) {
            case DAY, MONTH ->
                keyOfDay(
                        batch.type(first) == ColumnType.DATETIME
                                ? Math.floorDiv(batch.longValue(first, row), MICROS_PER_DAY)
                                : batch.intValue(first, row));
            case QUARTER -> (String) batch.get(first, row);
            case SEMESTER -> Periods.semesterKey(batch.intValue(first, row), (String) batch.get(columns[1], row));
            case YEAR -> Periods.yearKey(batch.intValue(first, row));
        };
    }

    /** The period of typed values in contract column order; its period columns hold values. */
    String of(Object[] values) {
        Object first = values[columns[0]];
        return switch (type) {
            case DAY, MONTH -> keyOfDay(dateOf(first).toEpochDay());
            case QUARTER -> (String) first;
            case SEMESTER -> Periods.semesterKey((Integer) first, (String) values[columns[1]]);
            case YEAR -> Periods.yearKey((Integer) first);
        };
    }

    private String keyOfDay(long epochDay) {
        if (epochDay != lastEpochDay) {
            LocalDate day = LocalDate.ofEpochDay(epochDay);
            lastKey = type == PeriodType.DAY ? Periods.dayKey(day) : Periods.monthKey(day);
            lastEpochDay = epochDay;
        }
        return lastKey;
    }

    private static LocalDate dateOf(Object value) {
        return value instanceof LocalDateTime dateTime ? dateTime.toLocalDate() : (LocalDate) value;
    }
}
