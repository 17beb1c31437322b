package ma.marsad.pipeline.kpi;

import java.util.Locale;

/** How the expected path runs between the baseline, the 2026 milestone and the 2030 target. */
public enum TrajectoryShape {
    /** Straight lines between the points (the default, as in the EU Digital Decade trajectories). */
    LINEAR,
    /** A constant growth rate between the points; falls back to linear when a point is zero or negative. */
    GEOMETRIC;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static TrajectoryShape parse(String text) {
        for (TrajectoryShape shape : values()) {
            if (shape.code().equals(text)) {
                return shape;
            }
        }
        throw new IllegalArgumentException("trajectory '" + text + "' is not known; use 'linear' or 'geometric'");
    }
}
