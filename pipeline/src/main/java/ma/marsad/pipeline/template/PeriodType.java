package ma.marsad.pipeline.template;

import java.util.Arrays;
import java.util.Optional;

/** The length of a template's reporting period, and the form of its key. */
public enum PeriodType {
    /** {@code 2026-11-28} */
    DAY("day"),
    /** {@code 2026-11} */
    MONTH("month"),
    /** {@code 2026-Q3} */
    QUARTER("quarter"),
    /** {@code 2026-S1} */
    SEMESTER("semester"),
    /** {@code 2026} */
    YEAR("year");

    private final String label;

    PeriodType(String label) {
        this.label = label;
    }

    /** As written in contracts and in {@code dim_period.period_type}. */
    public String label() {
        return label;
    }

    public static Optional<PeriodType> fromLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst();
    }
}
