package ma.marsad.dashboards.render;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import ma.marsad.dashboards.render.WarehouseSnapshot.Region;
import ma.marsad.pipeline.quality.Language;

/**
 * Morocco's 12 regions as a tile grid drawn by Marsad: one tile per region, placed by hand roughly north to south
 * (Tanger-Tétouan-Al Hoceima at the top, Dakhla-Oued Ed-Dahab at the bottom). No third-party geometry. The grid keeps
 * its geography in Arabic too: maps are not mirrored.
 */
final class TileGridMap {

    /** region code -> {row, column} */
    private static final Map<String, int[]> PLACES = Map.ofEntries(
            Map.entry("01", new int[] {0, 2}),
            Map.entry("04", new int[] {1, 1}),
            Map.entry("03", new int[] {1, 2}),
            Map.entry("02", new int[] {1, 3}),
            Map.entry("06", new int[] {2, 1}),
            Map.entry("05", new int[] {2, 2}),
            Map.entry("07", new int[] {3, 1}),
            Map.entry("08", new int[] {3, 2}),
            Map.entry("09", new int[] {4, 1}),
            Map.entry("10", new int[] {5, 1}),
            Map.entry("11", new int[] {6, 0}),
            Map.entry("12", new int[] {7, 0}));

    private static final String[] FILLS = {"#e3eef9", "#b9d3ee", "#86b3df", "#2f6fae", "#1b4a7e"};
    private static final String[] INKS = {"#102a43", "#102a43", "#102a43", "#ffffff", "#ffffff"};
    private static final String NO_VALUE_FILL = "#f1f3f5";
    private static final int CLASSES = FILLS.length;
    private static final int TILE_WIDTH = 150;
    private static final int TILE_HEIGHT = 48;
    private static final int GAP = 6;
    /** The legend sits in the empty south-east of the grid, beside the southern regions. */
    private static final int LEGEND_X = 2 * (TILE_WIDTH + GAP) + 12;

    private static final int LEGEND_Y = 4 * (TILE_HEIGHT + GAP);

    private TileGridMap() {}

    /**
     * The classes of the map's shades: {@value #CLASSES} of equal width from zero (from a round value below the
     * lowest when one is negative) to a round value at or above the highest, so that shades compare values, not
     * ranks: regions within a few tenths of each other share a shade.
     */
    record Scale(double low, double step) {

        static Scale of(Collection<Double> values) {
            double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(0);
            double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(0);
            double low = Math.min(0, min);
            double step = roundUp((max - low) / CLASSES);
            if (low < 0) {
                low = Math.floor(min / step) * step;
                while (low + CLASSES * step < max) {
                    step = roundUp(step * 1.01);
                }
            }
            return new Scale(low, step);
        }

        double bound(int index) {
            return low + step * index;
        }

        int classOf(double value) {
            return (int) Math.max(0, Math.min(CLASSES - 1, Math.floor((value - low) / step)));
        }

        /** The smallest of 1, 2, 2.5 or 5 times a power of ten that is at least {@code value}. */
        private static double roundUp(double value) {
            if (value <= 0 || Double.isNaN(value)) {
                return 1;
            }
            double power = Math.pow(10, Math.floor(Math.log10(value)));
            for (double factor : new double[] {1, 2, 2.5, 5, 10}) {
                if (factor * power >= value * (1 - 1e-12)) {
                    return factor * power;
                }
            }
            return 10 * power;
        }
    }

    /**
     * @param scale the classes of the shades, from {@link Scale#of} on the same values
     * @param legend the legend's heading in the page's language
     * @param noValue the legend's words for a region without a value
     */
    static String svg(
            List<Region> regions,
            Map<String, Double> values,
            Scale scale,
            String format,
            Language language,
            String label,
            String legend,
            String noValue) {
        int width = 4 * (TILE_WIDTH + GAP);
        int height = 8 * (TILE_HEIGHT + GAP);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"tile-map\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" role=\"img\" aria-label=\"")
                .append(Html.escape(label))
                .append("\" direction=\"ltr\" font-family=\"system-ui, sans-serif\">");
        boolean anyMissing = false;
        for (Region region : regions) {
            int[] place = PLACES.get(region.code());
            if (place == null) {
                continue;
            }
            Double value = values.get(region.code());
            anyMissing |= value == null;
            int shade = value == null ? -1 : scale.classOf(value);
            String fill = shade < 0 ? NO_VALUE_FILL : FILLS[shade];
            String ink = shade < 0 ? "#495057" : INKS[shade];
            int x = place[1] * (TILE_WIDTH + GAP);
            int y = place[0] * (TILE_HEIGHT + GAP);
            String name = region.name().in(language);
            String shortName = name.split("-")[0].trim();
            svg.append("<g class=\"tile\" data-region=\"")
                    .append(region.code())
                    .append("\" data-shade=\"")
                    .append(shade)
                    .append("\"><title>")
                    .append(Html.escape(name))
                    .append("</title><rect x=\"")
                    .append(x)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"")
                    .append(TILE_WIDTH)
                    .append("\" height=\"")
                    .append(TILE_HEIGHT)
                    .append("\" rx=\"6\" fill=\"")
                    .append(fill)
                    .append("\" stroke=\"#495057\" stroke-width=\"1\"")
                    .append(value == null ? " stroke-dasharray=\"4 3\"" : "")
                    .append("/><text x=\"")
                    .append(x + TILE_WIDTH / 2)
                    .append("\" y=\"")
                    .append(y + 19)
                    .append("\" text-anchor=\"middle\" font-size=\"13\" fill=\"")
                    .append(ink)
                    .append("\">")
                    .append(Html.escape(shortName))
                    .append("</text><text x=\"")
                    .append(x + TILE_WIDTH / 2)
                    .append("\" y=\"")
                    .append(y + 38)
                    .append("\" text-anchor=\"middle\" font-size=\"14\" font-weight=\"bold\" fill=\"")
                    .append(ink)
                    .append("\">");
            svg.append(value == null ? "–" : number(value, format));
            svg.append("</text></g>");
        }
        legend(svg, scale, format, legend, anyMissing ? noValue : null);
        return svg.append("</svg>").toString();
    }

    /** One swatch per class with its bounds ("0 – 2 000"), and one for regions without a value when there are any. */
    private static void legend(StringBuilder svg, Scale scale, String format, String heading, String noValue) {
        svg.append("<g class=\"legend\" font-size=\"13\" fill=\"#1d2733\"><text class=\"legend-heading\" x=\"")
                .append(LEGEND_X)
                .append("\" y=\"")
                .append(LEGEND_Y + 14)
                .append("\" font-weight=\"bold\">")
                .append(Html.escape(heading))
                .append("</text>");
        int rows = CLASSES + (noValue == null ? 0 : 1);
        for (int row = 0; row < rows; row++) {
            // the highest class on top, as values rise up the legend
            int shade = CLASSES - 1 - row;
            int y = LEGEND_Y + 26 + row * 26;
            boolean missing = row == CLASSES;
            svg.append("<g class=\"legend-class\" data-shade=\"")
                    .append(missing ? -1 : shade)
                    .append("\"><rect x=\"")
                    .append(LEGEND_X)
                    .append("\" y=\"")
                    .append(y)
                    .append("\" width=\"28\" height=\"20\" rx=\"3\" fill=\"")
                    .append(missing ? NO_VALUE_FILL : FILLS[shade])
                    .append("\" stroke=\"#495057\" stroke-width=\"1\"")
                    .append(missing ? " stroke-dasharray=\"4 3\"" : "")
                    .append("/><text x=\"")
                    .append(LEGEND_X + 38)
                    .append("\" y=\"")
                    .append(y + 15)
                    .append("\">");
            if (missing) {
                svg.append(Html.escape(noValue));
            } else {
                svg.append(number(scale.bound(shade), format))
                        .append(" – ")
                        .append(number(scale.bound(shade + 1), format));
            }
            svg.append("</text></g>");
        }
        svg.append("</g>");
    }

    private static String number(double value, String format) {
        String plain = Html.plain(value);
        return "<tspan class=\"num\" data-num=\"" + plain + "\" data-format=\"" + format + "\">" + plain + "</tspan>";
    }
}
