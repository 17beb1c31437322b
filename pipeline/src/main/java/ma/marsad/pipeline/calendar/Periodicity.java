package ma.marsad.pipeline.calendar;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Arrays;
import java.util.Optional;
import ma.marsad.pipeline.template.PeriodType;

/** How often a report is owed; each period runs from its first to its last day. */
public enum Periodicity {
    DAILY("daily", 0, 1),
    MONTHLY("monthly", 1, 0),
    QUARTERLY("quarterly", 3, 0),
    SEMESTERLY("semesterly", 6, 0),
    ANNUAL("annual", 12, 0),
    BIENNIAL("biennial", 24, 0);

    private final String label;
    private final int months;
    private final int days;

    Periodicity(String label, int months, int days) {
        this.label = label;
        this.months = months;
        this.days = days;
    }

    public String label() {
        return label;
    }

    public static Optional<Periodicity> fromLabel(String label) {
        return Arrays.stream(values()).filter(p -> p.label.equals(label)).findFirst();
    }

    /** The first day of the period that contains {@code date}, periods being counted from {@code origin}'s. */
    LocalDate periodStart(LocalDate date) {
        if (this == DAILY) {
            return date;
        }
        int monthIndex = date.getYear() * 12 + date.getMonthValue() - 1;
        int start = monthIndex - Math.floorMod(monthIndex, months);
        return LocalDate.of(start / 12, start % 12 + 1, 1);
    }

    LocalDate next(LocalDate periodStart) {
        return days > 0 ? periodStart.plusDays(days) : periodStart.plusMonths(months);
    }

    LocalDate periodEnd(LocalDate periodStart) {
        return next(periodStart).minusDays(1);
    }

    /**
     * The key of the period in the form the template writes it: {@code 2026-11-27}, {@code 2026-11}, {@code 2026-Q3},
     * {@code 2026-S1}, {@code 2026}. A template keyed by day (a snapshot such as the e-services catalogue) keys a
     * longer period by its last day.
     */
    String key(LocalDate periodStart, PeriodType keyType) {
        LocalDate end = periodEnd(periodStart);
        return switch (keyType) {
            case DAY -> end.toString();
            case MONTH -> String.format("%04d-%02d", periodStart.getYear(), periodStart.getMonthValue());
            case QUARTER -> periodStart.getYear() + "-Q" + periodStart.get(IsoFields.QUARTER_OF_YEAR);
            case SEMESTER -> periodStart.getYear() + "-S" + (periodStart.getMonthValue() <= 6 ? 1 : 2);
            case YEAR -> Integer.toString(periodStart.getYear());
        };
    }
}
