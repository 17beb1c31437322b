package ma.marsad.dashboards.render;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The last day of a period key ('2026', '2026-S1', '2026-Q3', '2026-11', '2026-11-28'). */
final class PeriodEnds {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SEMESTER = Pattern.compile("(\\d{4})-S([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PeriodEnds() {}

    static Optional<LocalDate> of(String period) {
        if (period == null) {
            return Optional.empty();
        }
        String key = period.trim();
        Matcher matcher;
        if ((matcher = YEAR.matcher(key)).matches()) {
            return Optional.of(LocalDate.of(Integer.parseInt(matcher.group(1)), 12, 31));
        }
        if ((matcher = SEMESTER.matcher(key)).matches()) {
            return Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)), 6 * Integer.parseInt(matcher.group(2)))
                    .atEndOfMonth());
        }
        if ((matcher = QUARTER.matcher(key)).matches()) {
            return Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)), 3 * Integer.parseInt(matcher.group(2)))
                    .atEndOfMonth());
        }
        if ((matcher = MONTH.matcher(key)).matches()) {
            return Optional.of(YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
                    .atEndOfMonth());
        }
        if (DAY.matcher(key).matches()) {
            return Optional.of(LocalDate.parse(key));
        }
        return Optional.empty();
    }
}
