package ma.marsad.dashboards.definition;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One dashboard page, read from a numbered YAML file.
 *
 * @param fileName the definition file, for messages
 * @param slug the page's file name without {@code .html}; contains {pillar} or {kpi} for repeated pages
 * @param repeat whether the page is written once, once per pillar or once per KPI
 * @param menu whether the page appears in the menu
 * @param title the page title; may use {pillar_name} or {kpi_name}
 * @param panels the panels, top to bottom
 */
public record PageDefinition(
        String fileName, String slug, Repeat repeat, boolean menu, LocalizedText title, List<PanelDefinition> panels) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]+|[a-z0-9-]*\\{(pillar|kpi)}[a-z0-9-]*");

    public PageDefinition {
        if (slug == null || !SLUG.matcher(slug).matches()) {
            throw new IllegalArgumentException(fileName + ": page '" + slug
                    + "' must be lower-case letters, digits and '-', with {pillar} or {kpi} for repeated pages");
        }
        String expected =
                switch (repeat) {
                    case ONCE -> null;
                    case PILLAR -> "{pillar}";
                    case KPI -> "{kpi}";
                };
        if ((expected == null && slug.contains("{")) || (expected != null && !slug.contains(expected))) {
            throw new IllegalArgumentException(fileName + ": page '" + slug + "' with for_each "
                    + repeat.name().toLowerCase() + " must "
                    + (expected == null ? "not contain {…}" : "contain " + expected));
        }
        panels = List.copyOf(panels);
    }

    /** Pages written once, once per pillar of the catalogue, or once per KPI. */
    public enum Repeat {
        ONCE,
        PILLAR,
        KPI
    }
}
