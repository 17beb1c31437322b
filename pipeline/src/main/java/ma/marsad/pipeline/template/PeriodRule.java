package ma.marsad.pipeline.template;

import java.util.List;
import java.util.Objects;

/**
 * Where a file's reporting period is read: the day or month of a date column, a quarter column, a year column, or a
 * year and a semester ({@code S1}/{@code S2}) column.
 */
public record PeriodRule(PeriodType type, List<String> columns) {

    public PeriodRule {
        Objects.requireNonNull(type, "type");
        columns = List.copyOf(columns);
        int expected = type == PeriodType.SEMESTER ? 2 : 1;
        if (columns.size() != expected) {
            throw new IllegalArgumentException(
                    "a " + type.label() + " period is read from " + expected + " column(s), got " + columns);
        }
    }
}
