package ma.marsad.dashboards.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.config.ConfigFolder.ConfigFile;
import ma.marsad.pipeline.config.InvalidConfigurationException;
import ma.marsad.pipeline.config.NearestName;
import ma.marsad.pipeline.config.YamlDocument;

/**
 * The dashboard pages and interface strings of the {@code dashboards} configuration folder: every {@code NN-name.yml}
 * is a page (NN gives the menu order), {@code messages.yml} holds the interface strings, and queries live in
 * {@code .sql} files named by their page or inline.
 */
public record DashboardDefinitions(List<PageDefinition> pages, Messages messages) {

    static final String FOLDER = "dashboards";
    private static final Pattern PAGE_FILE = Pattern.compile("\\d+-[a-z0-9-]+\\.yml");
    private static final Set<String> PAGE_KEYS = Set.of("page", "for_each", "menu", "title", "panels");
    private static final Set<String> PANEL_KEYS =
            Set.of("type", "title", "description", "sql", "query", "columns", "chart", "hide_when_empty");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "label", "format");
    private static final Set<String> CHART_KEYS =
            Set.of("type", "x", "series", "reference_lines", "number_format", "source", "horizontal");

    public DashboardDefinitions {
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no dashboard page: add a numbered NN-name.yml page definition");
        }
    }

    /** Reads and checks every page definition; fails naming the file, the line and the fix on the first mistake. */
    public static DashboardDefinitions load(ConfigFolder config) {
        List<ConfigFile> files = config.list(FOLDER, ".yml");
        ConfigFile messagesFile = files.stream()
                .filter(file -> file.relativePath().equals("messages.yml"))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no messages.yml in " + config.describe(FOLDER) + ": add the interface strings file"));
        Messages messages = parseMessages(messagesFile);
        List<PageDefinition> pages = new ArrayList<>();
        for (ConfigFile file : files) {
            if (PAGE_FILE.matcher(file.relativePath()).matches()) {
                pages.add(parsePage(file, config));
            }
        }
        return new DashboardDefinitions(pages, messages);
    }

    private static Messages parseMessages(ConfigFile file) {
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        List<String> pillarOrder = new ArrayList<>();
        for (Map.Entry<String, YamlDocument.Entry> entry :
                YamlDocument.parse(file).rawMapping().entrySet()) {
            if (entry.getKey().equals("pillar_order")) {
                pillarOrder.addAll(entry.getValue().textList());
            } else {
                texts.put(entry.getKey(), LocalizedText.parse(entry.getValue()));
            }
        }
        return new Messages(texts, pillarOrder);
    }

    private static PageDefinition parsePage(ConfigFile file, ConfigFolder config) {
        YamlDocument.Entry root = YamlDocument.parse(file);
        Map<String, YamlDocument.Entry> page = root.mapping(PAGE_KEYS);
        String slug = root.required(page, "page").nonBlankText();
        YamlDocument.Entry forEach = page.get("for_each");
        PageDefinition.Repeat repeat =
                switch (forEach == null ? "none" : forEach.text()) {
                    case "none" -> PageDefinition.Repeat.ONCE;
                    case "pillar" -> PageDefinition.Repeat.PILLAR;
                    case "kpi" -> PageDefinition.Repeat.KPI;
                    default ->
                        throw forEach.error(
                                "for_each '" + forEach.text() + "' is not known", "use none, pillar or kpi");
                };
        boolean menu = !page.containsKey("menu") || page.get("menu").bool();
        LocalizedText title = LocalizedText.parse(root.required(page, "title"));
        List<YamlDocument.Entry> panelList = root.required(page, "panels").list();
        if (panelList.isEmpty()) {
            throw page.get("panels").error("'panels' is empty", "list at least one panel");
        }
        List<PanelDefinition> panels = new ArrayList<>();
        for (int index = 0; index < panelList.size(); index++) {
            YamlDocument.Entry panel = panelList.get(index);
            panels.add(parsePanel(panel, panel.where() + ": panel " + (index + 1), config));
        }
        try {
            return new PageDefinition(file.relativePath(), slug, repeat, menu, title, panels);
        } catch (InvalidConfigurationException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(root.where() + ": " + e.getMessage());
        }
    }

    private static PanelDefinition parsePanel(YamlDocument.Entry entry, String where, ConfigFolder config) {
        Map<String, YamlDocument.Entry> panel = entry.mapping(PANEL_KEYS);
        PanelType type = PanelType.parse(entry.required(panel, "type").nonBlankText(), where);
        LocalizedText title = panel.containsKey("title") ? LocalizedText.parse(panel.get("title")) : null;
        LocalizedText description =
                panel.containsKey("description") ? LocalizedText.parse(panel.get("description")) : null;
        String sql = null;
        if (panel.containsKey("sql")) {
            YamlDocument.Entry sqlEntry = panel.get("sql");
            String name = sqlEntry.nonBlankText();
            sql = config.file(FOLDER, name)
                    .orElseThrow(() -> sqlEntry.error(
                            "sql file '" + name + "' not found in " + config.describe(FOLDER),
                            "add the file or correct the name"))
                    .content();
        } else if (panel.containsKey("query")) {
            sql = panel.get("query").nonBlankText();
        }
        if (sql != null) {
            SqlGuard.check(sql, where);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        if (panel.containsKey("columns")) {
            for (YamlDocument.Entry column : panel.get("columns").list()) {
                columns.add(parseColumn(column));
            }
        }
        ChartDefinition chart = panel.containsKey("chart") ? parseChart(panel.get("chart")) : null;
        try {
            return new PanelDefinition(type, title, description, sql, columns, chart, flag(panel, "hide_when_empty"));
        } catch (IllegalArgumentException e) {
            throw new InvalidConfigurationException(where + ": " + e.getMessage());
        }
    }

    /** A true/false key, false when absent. */
    private static boolean flag(Map<String, YamlDocument.Entry> mapping, String key) {
        if (!mapping.containsKey(key)) {
            return false;
        }
        String value = mapping.get(key).nonBlankText();
        if (!value.equals("true") && !value.equals("false")) {
            throw mapping.get(key).error(key + " is '" + value + "'", "write true or false");
        }
        return value.equals("true");
    }

    private static ColumnDefinition parseColumn(YamlDocument.Entry entry) {
        Map<String, YamlDocument.Entry> column = entry.mapping(COLUMN_KEYS);
        String name = entry.required(column, "name").nonBlankText();
        YamlDocument.Entry format = column.get("format");
        return new ColumnDefinition(
                name,
                LocalizedText.parse(entry.required(column, "label")),
                format == null
                        ? ColumnDefinition.ColumnFormat.TEXT
                        : parseEnum(
                                ColumnDefinition.ColumnFormat.values(),
                                format,
                                ColumnDefinition.ColumnFormat::yamlName));
    }

    private static ChartDefinition parseChart(YamlDocument.Entry entry) {
        Map<String, YamlDocument.Entry> chart = entry.mapping(CHART_KEYS);
        ChartDefinition.ChartType type = parseEnum(
                ChartDefinition.ChartType.values(), entry.required(chart, "type"), ChartDefinition.ChartType::yamlName);
        List<String> series = chart.containsKey("series") ? chart.get("series").textList() : List.of();
        List<ChartDefinition.ReferenceLine> lines = new ArrayList<>();
        if (chart.containsKey("reference_lines")) {
            for (YamlDocument.Entry item : chart.get("reference_lines").list()) {
                lines.add(parseEnum(
                        ChartDefinition.ReferenceLine.values(), item, ChartDefinition.ReferenceLine::yamlName));
            }
        }
        YamlDocument.Entry numberFormat = chart.get("number_format");
        ChartDefinition.NumberFormat format = numberFormat == null
                ? ChartDefinition.NumberFormat.AUTO
                : parseEnum(
                        ChartDefinition.NumberFormat.values(), numberFormat, ChartDefinition.NumberFormat::yamlName);
        YamlDocument.Entry x = chart.get("x");
        LocalizedText source = chart.containsKey("source") ? LocalizedText.parse(chart.get("source")) : null;
        boolean horizontal = flag(chart, "horizontal");
        try {
            return new ChartDefinition(
                    type, x == null ? null : x.nonBlankText(), series, lines, format, source, horizontal);
        } catch (IllegalArgumentException e) {
            throw entry.error(e.getMessage(), "use horizontal: true with type: bar only");
        }
    }

    private static <E extends Enum<E>> E parseEnum(
            E[] values, YamlDocument.Entry entry, java.util.function.Function<E, String> yamlName) {
        String value = entry.nonBlankText();
        List<String> names = new ArrayList<>();
        for (E candidate : values) {
            if (yamlName.apply(candidate).equals(value.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
            names.add(yamlName.apply(candidate));
        }
        String nearest = NearestName.of(value, names)
                .map(name -> "did you mean '" + name + "'? ")
                .orElse("");
        throw entry.error(
                "'" + value + "' is not a known " + entry.name(), nearest + "use one of " + String.join(", ", names));
    }
}
