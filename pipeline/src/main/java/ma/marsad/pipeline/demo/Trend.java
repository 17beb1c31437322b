package ma.marsad.pipeline.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/** Shapes of the demo's time series: where a date falls in the 2024–2026 window, and noisy values along it. */
final class Trend {

    static final LocalDate WINDOW_START = LocalDate.of(2024, 1, 1);
    static final LocalDate WINDOW_END = LocalDate.of(2026, 12, 31);

    private Trend() {}

    /** 0 on 2024-01-01, 1 on 2026-12-31, clamped outside. */
    static double progress(LocalDate day) {
        double total = ChronoUnit.DAYS.between(WINDOW_START, WINDOW_END);
        double elapsed = ChronoUnit.DAYS.between(WINDOW_START, day);
        return Math.max(0, Math.min(1, elapsed / total));
    }

    /** {@code value} times a factor uniform in [1 - spread, 1 + spread]. */
    static double jitter(SplittableRandom random, double value, double spread) {
        return value * (1 + spread * (2 * random.nextDouble() - 1));
    }

    /** A standard normal draw (Box–Muller), from {@code random} only. */
    static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** An index drawn with the given weights. */
    static int weighted(SplittableRandom random, double[] cumulativeWeights) {
        double draw = random.nextDouble() * cumulativeWeights[cumulativeWeights.length - 1];
        int found = java.util.Arrays.binarySearch(cumulativeWeights, draw);
        // An exact hit belongs to the next bucket (draw < cumulative[i] selects i).
        int index = found >= 0 ? found + 1 : -found - 1;
        return Math.min(index, cumulativeWeights.length - 1);
    }

    static double[] cumulative(double... weights) {
        double[] cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
        return cumulative;
    }
}
