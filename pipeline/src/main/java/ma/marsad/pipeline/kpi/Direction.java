package ma.marsad.pipeline.kpi;

import java.util.Locale;

/** Which way a KPI improves: {@code up} (more is better) or {@code down} (less is better, e.g. a world rank). */
public enum Direction {
    UP,
    DOWN;

    /** +1 for {@code up}, -1 for {@code down}: the sign of an improvement. */
    int sign() {
        return this == UP ? 1 : -1;
    }

    /** True when {@code value} is at or beyond {@code reference} in this direction. */
    boolean reaches(double value, double reference) {
        return this == UP ? value >= reference : value <= reference;
    }

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Direction parse(String text) {
        for (Direction direction : values()) {
            if (direction.code().equals(text)) {
                return direction;
            }
        }
        throw new IllegalArgumentException("direction '" + text + "' is not known; use 'up' or 'down'");
    }
}
