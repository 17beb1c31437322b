package ma.marsad.pipeline.kpi;

/**
 * The one place where the status thresholds live (documented in {@code kpis/README.md}).
 *
 * <p>With P the progress (x - b) / (T - b) and E the progress the trajectory expects at the same date, (t - b) / (T
 * - b): on_track when P ≥ E - {@code tolerance} (at or beyond the trajectory, whatever the direction, since both are
 * measured towards the target); at_risk when P ≥ {@code atRiskShare} × E; off_track otherwise.
 *
 * @param atRiskShare share of the expected progress still counted as at risk rather than off track (0.9)
 * @param tolerance absolute slack on progress, so that a value exactly on the trajectory is on track despite
 *     floating-point rounding
 */
record StatusThresholds(double atRiskShare, double tolerance) {

    static final StatusThresholds DEFAULT = new StatusThresholds(0.9, 1e-9);

    StatusThresholds {
        if (!(atRiskShare > 0 && atRiskShare < 1)) {
            throw new IllegalArgumentException("atRiskShare " + atRiskShare + " must be between 0 and 1, e.g. 0.9");
        }
        if (!(tolerance >= 0 && tolerance < 0.01)) {
            throw new IllegalArgumentException("tolerance " + tolerance + " must be in [0, 0.01), e.g. 1e-9");
        }
    }
}
