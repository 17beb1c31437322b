package ma.marsad.pipeline.kpi;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The expected path of a KPI: through (baseline date, b), (2026-12-31, milestone) when there is one, and (target date,
 * T). Before the baseline date it is b, after the target date T. Between two points it is a straight line in time
 * (linear) or a constant growth rate (geometric, which needs both points above zero, else that segment is linear).
 */
final class Trajectory {

    static final LocalDate MILESTONE_DATE = LocalDate.of(2026, 12, 31);
    static final LocalDate TARGET_DATE = LocalDate.of(2030, 12, 31);

    private record Point(LocalDate date, double value) {}

    private final List<Point> points;
    private final TrajectoryShape shape;

    private Trajectory(List<Point> points, TrajectoryShape shape) {
        this.points = points;
        this.shape = shape;
    }

    /**
     * @param milestone value at 2026-12-31, or null; ignored unless it falls strictly between baseline and target dates
     */
    static Trajectory through(
            LocalDate baselineDate,
            double baseline,
            Double milestone,
            LocalDate targetDate,
            double target,
            TrajectoryShape shape) {
        List<Point> points = new ArrayList<>();
        points.add(new Point(baselineDate, baseline));
        if (milestone != null && baselineDate.isBefore(MILESTONE_DATE) && targetDate.isAfter(MILESTONE_DATE)) {
            points.add(new Point(MILESTONE_DATE, milestone));
        }
        if (targetDate.isAfter(baselineDate)) {
            points.add(new Point(targetDate, target));
        }
        return new Trajectory(List.copyOf(points), shape);
    }

    double valueAt(LocalDate date) {
        Point first = points.get(0);
        if (!date.isAfter(first.date())) {
            return first.value();
        }
        for (int i = 1; i < points.size(); i++) {
            Point from = points.get(i - 1);
            Point to = points.get(i);
            if (!date.isAfter(to.date())) {
                double share = (double) (date.toEpochDay() - from.date().toEpochDay())
                        / (to.date().toEpochDay() - from.date().toEpochDay());
                return interpolate(from.value(), to.value(), share);
            }
        }
        return points.get(points.size() - 1).value();
    }

    private double interpolate(double from, double to, double share) {
        if (shape == TrajectoryShape.GEOMETRIC && from > 0 && to > 0) {
            return from * Math.pow(to / from, share);
        }
        return from + (to - from) * share;
    }
}
