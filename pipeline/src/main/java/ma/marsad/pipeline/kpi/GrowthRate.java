package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;

/** Compound annual growth rates, (to / from)^(1 / years) - 1, years counted as days / 365.25. */
final class GrowthRate {

    static final double DAYS_PER_YEAR = 365.25;

    private GrowthRate() {}

    /** Empty when either value is not above zero or the dates are not in order: the rate is then undefined. */
    static OptionalDouble compoundAnnual(double from, LocalDate fromDate, double to, LocalDate toDate) {
        double years = ChronoUnit.DAYS.between(fromDate, toDate) / DAYS_PER_YEAR;
        if (!(from > 0) || !(to > 0) || !(years > 0)) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(Math.pow(to / from, 1 / years) - 1);
    }

    /** The rate needed from the value x at its date to reach the target T at the target date. */
    static OptionalDouble required(double value, LocalDate valueDate, double target, LocalDate targetDate) {
        return compoundAnnual(value, valueDate, target, targetDate);
    }

    /** The rate observed from the baseline b at its date to the value x at its date. */
    static OptionalDouble observed(double baseline, LocalDate baselineDate, double value, LocalDate valueDate) {
        return compoundAnnual(baseline, baselineDate, value, valueDate);
    }
}
