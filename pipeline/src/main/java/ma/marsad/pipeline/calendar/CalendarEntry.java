package ma.marsad.pipeline.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;

/**
 * One period owed by one submitter, as of a date: the row of the warehouse's {@code submission_calendar} table.
 *
 * @param dueDate null when the report has no due date
 * @param receivedAt when the first accepted file for the period arrived, null when none had by the as-of date
 * @param submissionId that file's SHA-256, or null
 * @param onTime whether it arrived by the end of the due date; null when nothing arrived
 * @param status {@code on_time}, {@code late}, {@code missing} (due date passed, nothing received) or {@code not_due}
 *     (nothing received, not due yet or never due)
 */
public record CalendarEntry(
        String template,
        String submitter,
        String period,
        LocalDate periodEnd,
        LocalDate dueDate,
        Instant receivedAt,
        String submissionId,
        Boolean onTime,
        String status) {

    public static final Set<String> STATUSES = Set.of("on_time", "late", "missing", "not_due");

    public CalendarEntry {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(period, "period");
        if (!STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + STATUSES + ", not " + status);
        }
        if ((receivedAt == null) != (onTime == null)) {
            throw new IllegalArgumentException("on_time is known exactly when something was received: " + period);
        }
    }
}
