package ma.marsad.pipeline.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A calendar quarter, with the spellings submitters use for it. */
record Quarter(int year, int quarter) {

    Quarter {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("quarter must be 1..4, was " + quarter);
        }
    }

    static Quarter of(LocalDate day) {
        return new Quarter(day.getYear(), (day.getMonthValue() + 2) / 3);
    }

    LocalDate start() {
        return LocalDate.of(year, quarter * 3 - 2, 1);
    }

    LocalDate end() {
        return start().plusMonths(3).minusDays(1);
    }

    Quarter next() {
        return quarter == 4 ? new Quarter(year + 1, 1) : new Quarter(year, quarter + 1);
    }

    /** The pipeline's period key, {@code 2026-Q3}. */
    String key() {
        return year + "-Q" + quarter;
    }

    /** {@code T3 2026}. */
    String label() {
        return "T" + quarter + " " + year;
    }

    /** {@code 1er trimestre 2026}, {@code 3e trimestre 2026}. */
    String frenchLabel() {
        return quarter + (quarter == 1 ? "er" : "e") + " trimestre " + year;
    }

    /** The quarters from {@code first} to {@code last}, both included. */
    static List<Quarter> range(Quarter first, Quarter last) {
        List<Quarter> quarters = new ArrayList<>();
        for (Quarter q = first; !q.start().isAfter(last.start()); q = q.next()) {
            quarters.add(q);
        }
        return quarters;
    }
}
