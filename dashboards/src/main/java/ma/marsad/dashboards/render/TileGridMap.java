package ma.marsad.dashboards.render;

import java.util.ArrayList;
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
    private static final int TILE_WIDTH = 150;
    private static final int TILE_HEIGHT = 48;
    private static final int GAP = 6;

    private TileGridMap() {}

    static String svg(
            List<Region> regions, Map<String, Double> values, String format, Language language, String label) {
        List<Double> sorted = new ArrayList<>(values.values());
        sorted.sort(Double::compareTo);
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
        for (Region region : regions) {
            int[] place = PLACES.get(region.code());
            if (place == null) {
                continue;
            }
            Double value = values.get(region.code());
            int shade = value == null ? -1 : shade(sorted, value);
            String fill = shade < 0 ? "#f1f3f5" : FILLS[shade];
            String ink = shade < 0 ? "#495057" : INKS[shade];
            int x = place[1] * (TILE_WIDTH + GAP);
            int y = place[0] * (TILE_HEIGHT + GAP);
            String name = region.name().in(language);
            String shortName = name.split("-")[0].trim();
            svg.append("<g class=\"tile\"><title>")
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
            if (value == null) {
                svg.append("–");
            } else {
                String plain = Html.plain(value);
                svg.append("<tspan class=\"num\" data-num=\"")
                        .append(plain)
                        .append("\" data-format=\"")
                        .append(format)
                        .append("\">")
                        .append(plain)
                        .append("</tspan>");
            }
            svg.append("</text></g>");
        }
        return svg.append("</svg>").toString();
    }

    /** Quintile of a value among the regions' values: 0 (lowest) to 4 (highest). */
    private static int shade(List<Double> sorted, double value) {
        if (sorted.size() < 2) {
            return 2;
        }
        int below = 0;
        for (double other : sorted) {
            if (other < value) {
                below++;
            }
        }
        return Math.min(4, below * 5 / sorted.size());
    }
}
