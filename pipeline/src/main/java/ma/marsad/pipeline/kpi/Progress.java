package ma.marsad.pipeline.kpi;

/**
 * Progress from a baseline b towards a target T: P = (x - b) / (T - b), raw (may be negative or above 1) and clipped
 * to [0, 1].
 *
 * <p>When the target is not beyond the baseline in the KPI's direction (T = b, or a target "below" the baseline of an
 * up KPI: the target was already met at the baseline) the fraction is meaningless; progress is then 1 when x reaches T
 * in the KPI's direction and 0 otherwise, and the trajectory expects 1.
 */
record Progress(double raw, double clipped) {

    static Progress of(double value, double baseline, double target, Direction direction) {
        double raw = fraction(value, baseline, target, direction);
        return new Progress(raw, Math.max(0, Math.min(1, raw)));
    }

    /** The progress a trajectory value stands for: E = (t - b) / (T - b), with the same degenerate rule. */
    static double expected(double trajectoryValue, double baseline, double target, Direction direction) {
        if (isDegenerate(baseline, target, direction)) {
            return 1;
        }
        return (trajectoryValue - baseline) / (target - baseline);
    }

    /** True when the target is not strictly beyond the baseline in the KPI's direction. */
    static boolean isDegenerate(double baseline, double target, Direction direction) {
        return Math.signum(target - baseline) != direction.sign();
    }

    private static double fraction(double value, double baseline, double target, Direction direction) {
        if (isDegenerate(baseline, target, direction)) {
            return direction.reaches(value, target) ? 1 : 0;
        }
        return (value - baseline) / (target - baseline);
    }
}
