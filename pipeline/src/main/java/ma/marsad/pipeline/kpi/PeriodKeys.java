package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The last day of a period key ('2026', '2026-S1', '2026-Q3', '2026-11', '2026-11-28'): where a value is dated. */
final class PeriodKeys {

    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern SEMESTER = Pattern.compile("(\\d{4})-S([12])");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private PeriodKeys() {}

    static LocalDate endOf(String periodKey) {
        Matcher matcher;
        if ((matcher = YEAR.matcher(periodKey)).matches()) {
            return LocalDate.of(Integer.parseInt(matcher.group(1)), 12, 31);
        }
        if ((matcher = SEMESTER.matcher(periodKey)).matches()) {
            int year = Integer.parseInt(matcher.group(1));
            return matcher.group(2).equals("1") ? LocalDate.of(year, 6, 30) : LocalDate.of(year, 12, 31);
        }
        if ((matcher = QUARTER.matcher(periodKey)).matches()) {
            int year = Integer.parseInt(matcher.group(1));
            return YearMonth.of(year, Integer.parseInt(matcher.group(2)) * 3).atEndOfMonth();
        }
        if ((matcher = MONTH.matcher(periodKey)).matches()) {
            return YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2)))
                    .atEndOfMonth();
        }
        if (DAY.matcher(periodKey).matches()) {
            return LocalDate.parse(periodKey);
        }
        throw new IllegalArgumentException(
                "period '" + periodKey + "' is not a period key; use 2026, 2026-S1, 2026-Q3, 2026-11 or 2026-11-28");
    }
}
