package ma.marsad.pipeline.demo;

import java.util.SplittableRandom;

/** The 12 HCP region codes, drawn in proportion to their approximate population shares. */
final class Regions {

    static final String[] CODES = {"01", "02", "03", "04", "05", "06", "07", "08", "09", "10", "11", "12"};

    // Approximate percent of the national population per region, in code order (sum 100.6, normalised by the draw).
    private static final double[] POPULATION_SHARES =
            Trend.cumulative(10.9, 6.6, 12.3, 14.6, 7.1, 20.6, 13.0, 4.6, 8.1, 1.2, 1.0, 0.6);

    private Regions() {}

    static String random(SplittableRandom random) {
        return CODES[Trend.weighted(random, POPULATION_SHARES)];
    }

    /** The population share of a region in [0, 1]. */
    static double share(int index) {
        double previous = index == 0 ? 0 : POPULATION_SHARES[index - 1];
        return (POPULATION_SHARES[index] - previous) / POPULATION_SHARES[POPULATION_SHARES.length - 1];
    }
}
