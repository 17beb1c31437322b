package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last day of a period key ('2026', '2026-S1', '2026-Q3', '2026-11', '2026-11-28'): where a value is dated. The
 * warehouse's macro {@code period_end(period_key)} ({@code macros/period_end.sql}) is the same rule in SQL.
 */
public final class PeriodKeys {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SEMESTER = Pattern.compile("(\\d{4})-S([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PeriodKeys() {}

    /**
     * @throws IllegalArgumentException when the text is not a period key
     */
    public static LocalDate endOf(String periodKey) {
        return end(periodKey)
                .orElseThrow(() -> new IllegalArgumentException("period '" + periodKey
                        + "' is not a period key; use 2026, 2026-S1, 2026-Q3, 2026-11 or 2026-11-28"));
    }

    /** The last day of the period key; empty for null or any other text. */
    public static Optional<LocalDate> end(String key) {
        if (key == null) {
            return Optional.empty();
        }
        Matcher matcher;
        if ((matcher = YEAR.matcher(key)).matches()) {
            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), 12, 31));
        }
        if ((matcher = SEMESTER.matcher(key)).matches()) {
            return Optional.of(monthEnd(matcher.group(1), 6 * Integer.parseInt(matcher.group(2))));
        }
        if ((matcher = QUARTER.matcher(key)).matches()) {
            return Optional.of(monthEnd(matcher.group(1), 3 * Integer.parseInt(matcher.group(2))));
        }
        if ((matcher = MONTH.matcher(key)).matches()) {
            return Optional.of(monthEnd(matcher.group(1), Integer.parseInt(matcher.group(2))));
        }
        if (DAY.matcher(key).matches()) {
            return Optional.of(LocalDate.parse(key));
        }
        return Optional.empty();
    }

    private static LocalDate monthEnd(String year, int month) {
        return YearMonth.of(Integer.parseInt(year), month).atEndOfMonth();
    }
}
