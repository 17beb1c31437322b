package ma.marsad.pipeline.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One submitter's obligation to send a template every period from a first period on.
 *
 * @param template template id
 * @param submitter submitter code
 * @param periodicity how often
 * @param from a day of the first period owed
 * @param due when each period's report is due
 */
public record Expectation(String template, String submitter, Periodicity periodicity, LocalDate from, DueRule due) {

    public Expectation {
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(submitter, "submitter");
        Objects.requireNonNull(periodicity, "periodicity");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(due, "due");
    }
}
