package ma.marsad.jobs.nightly;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.calendar.CalendarEntry;
import ma.marsad.pipeline.calendar.SubmissionCalendar;
import ma.marsad.pipeline.lake.RegistrySnapshot;
import ma.marsad.pipeline.warehouse.Rows;

/**
 * The warehouse's {@code submission_calendar}: every period owed up to the as-of date and whether it arrived on time,
 * late or not at all. A function of the registry and the as-of date only, like the rest of the warehouse. KPI GOV-03
 * reads it as {@code fct_submission_calendar}, the name the KPI engine gives a KPI's source.
 */
final class SubmissionCalendarTable {

    private SubmissionCalendarTable() {}

    static int write(Connection connection, SubmissionCalendar calendar, RegistrySnapshot registry, LocalDate asOf)
            throws SQLException {
        List<CalendarEntry> entries = calendar.evaluate(registry.records(), asOf);
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    create or replace table submission_calendar (
                        template_id varchar not null, submitter varchar not null, period varchar not null,
                        period_end date not null, due_date date, received_at timestamptz, submission_id varchar,
                        on_time boolean, status varchar not null,
                        primary key (template_id, submitter, period))""");
            statement.execute("create or replace view fct_submission_calendar as select * from submission_calendar");
        }
        List<Object[]> rows = new ArrayList<>();
        for (CalendarEntry entry : entries) {
            rows.add(new Object[] {
                entry.template(),
                entry.submitter(),
                entry.period(),
                entry.periodEnd(),
                entry.dueDate(),
                entry.receivedAt(),
                entry.submissionId(),
                entry.onTime(),
                entry.status()
            });
        }
        Rows.append(connection, "main", "submission_calendar", rows);
        return rows.size();
    }
}
