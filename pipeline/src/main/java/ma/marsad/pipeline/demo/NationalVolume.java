package ma.marsad.pipeline.demo;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * How many requests the national e-services platform (ADD) exports for a day at national volume: about 200,000 on an
 * average day, more early in the week, fewer on weekends, fewer in the summer holidays, more at the September return
 * and in the March tax season, and a few percent of noise that depends on the seed and the day only.
 *
 * <p>A day's export is a function of the seed and its date alone, so adding a day to a landing zone leaves the other
 * days' files unchanged.
 */
public final class NationalVolume {

    /** Requests on a day whose weekday and month factors are both 1. */
    public static final int MEAN_DAILY_REQUESTS = 200_000;

    /** A day's count differs from its {@link #expectedRequests(LocalDate) expected} one by at most this share. */
    public static final double NOISE = 0.03;

    // Monday to Sunday; they average 1.
    private static final double[] WEEKDAY_FACTORS = {1.20, 1.16, 1.12, 1.10, 1.00, 0.82, 0.60};
    // January to December; they average 1.
    private static final double[] MONTH_FACTORS = {
        1.04, 1.00, 1.08, 1.02, 1.00, 0.98, 0.90, 0.80, 1.08, 1.06, 1.02, 1.02
    };

    private NationalVolume() {}

    /** The requests the declared shape gives {@code day}, before noise. */
    public static int expectedRequests(LocalDate day) {
        double factor = WEEKDAY_FACTORS[day.getDayOfWeek().getValue() - 1] * MONTH_FACTORS[day.getMonthValue() - 1];
        return (int) Math.round(MEAN_DAILY_REQUESTS * factor);
    }

    /** The requests in {@code day}'s export for {@code seed}: the expected count with the day's noise. */
    public static int requests(LocalDate day, long seed) {
        return requests(day, randomOf(day, seed));
    }

    /** The random stream of {@code day}'s export: its first draw is the day's noise, the rest its rows. */
    static SplittableRandom randomOf(LocalDate day, long seed) {
        return new SplittableRandom((seed * 1_000_003L + 9) * 0x9E37_79B9_7F4A_7C15L + day.toEpochDay());
    }

    /** Draws the day's noise from {@code random}, which then goes on to the rows. */
    static int requests(LocalDate day, SplittableRandom random) {
        return (int) Math.round(Trend.jitter(random, expectedRequests(day), NOISE));
    }
}
