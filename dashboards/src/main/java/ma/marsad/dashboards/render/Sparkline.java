package ma.marsad.dashboards.render;

import java.util.List;

/** A small inline SVG line of a KPI's history, drawn here so the overview needs no chart library. */
final class Sparkline {

    private static final double WIDTH = 120;
    private static final double HEIGHT = 28;

    private Sparkline() {}

    static String svg(List<Double> values) {
        if (values.size() < 2) {
            return "";
        }
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double span = max - min == 0 ? 1 : max - min;
        StringBuilder points = new StringBuilder();
        for (int index = 0; index < values.size(); index++) {
            double x = 2 + (WIDTH - 4) * index / (values.size() - 1);
            double y = HEIGHT - 3 - (HEIGHT - 6) * (values.get(index) - min) / span;
            if (index > 0) {
                points.append(' ');
            }
            points.append(Html.plain(Math.round(x * 10) / 10.0))
                    .append(',')
                    .append(Html.plain(Math.round(y * 10) / 10.0));
        }
        return "<svg class=\"spark\" viewBox=\"0 0 120 28\" width=\"120\" height=\"28\" aria-hidden=\"true\""
                + " focusable=\"false\"><polyline fill=\"none\" stroke=\"currentColor\" stroke-width=\"2\" points=\""
                + points + "\"/></svg>";
    }
}
