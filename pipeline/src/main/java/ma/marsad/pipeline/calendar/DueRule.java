package ma.marsad.pipeline.calendar;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * When a period's report is due, from the period's last day: {@code days_after_end: 45}, {@code day_of_next_month:
 * 10}, {@code next_year_on: 03-31}, or no due date ({@code due: none}) for reports that come when they come.
 */
public sealed interface DueRule {

    /** The due date (inclusive) of the period ending on {@code periodEnd}, or null when there is none. */
    LocalDate dueDate(LocalDate periodEnd);

    record DaysAfterEnd(int days) implements DueRule {
        public DaysAfterEnd {
            if (days < 0 || days > 366) {
                throw new IllegalArgumentException("days_after_end must be 0 to 366, not " + days);
            }
        }

        @Override
        public LocalDate dueDate(LocalDate periodEnd) {
            return periodEnd.plusDays(days);
        }
    }

    record DayOfNextMonth(int day) implements DueRule {
        public DayOfNextMonth {
            if (day < 1 || day > 28) {
                throw new IllegalArgumentException(
                        "day_of_next_month must be 1 to 28 (valid in every month), not " + day);
            }
        }

        @Override
        public LocalDate dueDate(LocalDate periodEnd) {
            return periodEnd.plusMonths(1).withDayOfMonth(day);
        }
    }

    record NextYearOn(MonthDay day) implements DueRule {
        @Override
        public LocalDate dueDate(LocalDate periodEnd) {
            return day.atYear(periodEnd.getYear() + 1);
        }
    }

    record None() implements DueRule {
        @Override
        public LocalDate dueDate(LocalDate periodEnd) {
            return null;
        }
    }
}
