package ma.marsad.dashboards.definition;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.config.ConfigFolder.ConfigFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The dashboard pages and interface strings of the {@code dashboards} configuration folder: every {@code NN-name.yml}
 * is a page (NN gives the menu order), {@code messages.yml} holds the interface strings, and queries live in
 * {@code .sql} files named by their page or inline.
 */
public record DashboardDefinitions(List<PageDefinition> pages, Messages messages) {

    static final String FOLDER = "dashboards";
    private static final Pattern PAGE_FILE = Pattern.compile("\\d+-[a-z0-9-]+\\.yml");

    public DashboardDefinitions {
        pages = List.copyOf(pages);
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no dashboard page: add a numbered NN-name.yml page definition");
        }
    }

    /** Reads and checks every page definition; fails naming the file and the fix on the first mistake. */
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
        Map<String, Object> root = yamlMap(file);
        Map<String, LocalizedText> texts = new LinkedHashMap<>();
        List<String> pillarOrder = new ArrayList<>();
        for (Map.Entry<String, Object> entry : root.entrySet()) {
            if (entry.getKey().equals("pillar_order")) {
                if (!(entry.getValue() instanceof List<?> list)) {
                    throw new IllegalArgumentException(file.location() + ": pillar_order must be a list of pillar ids");
                }
                list.forEach(pillar -> pillarOrder.add(pillar.toString()));
            } else {
                texts.put(
                        entry.getKey(), LocalizedText.parse(entry.getValue(), file.location() + " " + entry.getKey()));
            }
        }
        return new Messages(texts, pillarOrder);
    }

    private static PageDefinition parsePage(ConfigFile file, ConfigFolder config) {
        String where = file.location();
        Map<String, Object> root = yamlMap(file);
        String slug = requiredString(root, "page", where);
        PageDefinition.Repeat repeat =
                switch (String.valueOf(root.getOrDefault("for_each", "none"))) {
                    case "none" -> PageDefinition.Repeat.ONCE;
                    case "pillar" -> PageDefinition.Repeat.PILLAR;
                    case "kpi" -> PageDefinition.Repeat.KPI;
                    default ->
                        throw new IllegalArgumentException(
                                where + ": for_each '" + root.get("for_each") + "' unknown, use none, pillar or kpi");
                };
        boolean menu = Boolean.parseBoolean(String.valueOf(root.getOrDefault("menu", "true")));
        LocalizedText title = LocalizedText.parse(root.get("title"), where + " title");
        if (!(root.get("panels") instanceof List<?> panelList) || panelList.isEmpty()) {
            throw new IllegalArgumentException(where + ": panels missing: list at least one panel");
        }
        List<PanelDefinition> panels = new ArrayList<>();
        for (int index = 0; index < panelList.size(); index++) {
            String panelWhere = where + " panel " + (index + 1);
            if (!(panelList.get(index) instanceof Map<?, ?> panelMap)) {
                throw new IllegalArgumentException(panelWhere + ": a panel must be a map with a type");
            }
            panels.add(parsePanel(stringKeys(panelMap), panelWhere, config));
        }
        return new PageDefinition(file.relativePath(), slug, repeat, menu, title, panels);
    }

    private static PanelDefinition parsePanel(Map<String, Object> panel, String where, ConfigFolder config) {
        PanelType type = PanelType.parse(requiredString(panel, "type", where), where);
        LocalizedText title =
                panel.containsKey("title") ? LocalizedText.parse(panel.get("title"), where + " title") : null;
        LocalizedText description = panel.containsKey("description")
                ? LocalizedText.parse(panel.get("description"), where + " description")
                : null;
        String sql = null;
        if (panel.containsKey("sql")) {
            String name = panel.get("sql").toString();
            sql = config.file(FOLDER, name)
                    .orElseThrow(() -> new IllegalArgumentException(
                            where + ": sql file '" + name + "' not found in " + config.describe(FOLDER)))
                    .content();
        } else if (panel.containsKey("query")) {
            sql = panel.get("query").toString();
        }
        if (sql != null) {
            SqlGuard.check(sql, where);
        }
        List<ColumnDefinition> columns = new ArrayList<>();
        if (panel.get("columns") instanceof List<?> columnList) {
            for (Object column : columnList) {
                if (!(column instanceof Map<?, ?> columnMap)) {
                    throw new IllegalArgumentException(where + ": a column must be a map {name, label, format}");
                }
                Map<String, Object> map = stringKeys(columnMap);
                String name = requiredString(map, "name", where + " column");
                columns.add(new ColumnDefinition(
                        name,
                        LocalizedText.parse(map.get("label"), where + " column " + name + " label"),
                        parseEnum(
                                ColumnDefinition.ColumnFormat.values(),
                                String.valueOf(map.getOrDefault("format", "text")),
                                ColumnDefinition.ColumnFormat::yamlName,
                                where + " column " + name + " format")));
            }
        }
        ChartDefinition chart = null;
        if (panel.get("chart") instanceof Map<?, ?> chartMap) {
            chart = parseChart(stringKeys(chartMap), where + " chart");
        }
        try {
            return new PanelDefinition(type, title, description, sql, columns, chart);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static ChartDefinition parseChart(Map<String, Object> chart, String where) {
        ChartDefinition.ChartType type = parseEnum(
                ChartDefinition.ChartType.values(),
                requiredString(chart, "type", where),
                ChartDefinition.ChartType::yamlName,
                where + " type");
        List<String> series = new ArrayList<>();
        if (chart.get("series") instanceof List<?> list) {
            list.forEach(item -> series.add(item.toString()));
        }
        List<ChartDefinition.ReferenceLine> lines = new ArrayList<>();
        if (chart.get("reference_lines") instanceof List<?> list) {
            for (Object item : list) {
                lines.add(parseEnum(
                        ChartDefinition.ReferenceLine.values(),
                        item.toString(),
                        ChartDefinition.ReferenceLine::yamlName,
                        where + " reference_lines"));
            }
        }
        ChartDefinition.NumberFormat format = parseEnum(
                ChartDefinition.NumberFormat.values(),
                String.valueOf(chart.getOrDefault("number_format", "auto")),
                ChartDefinition.NumberFormat::yamlName,
                where + " number_format");
        Object x = chart.get("x");
        return new ChartDefinition(type, x == null ? null : x.toString(), series, lines, format);
    }

    private static <E extends Enum<E>> E parseEnum(
            E[] values, String value, java.util.function.Function<E, String> yamlName, String where) {
        for (E candidate : values) {
            if (yamlName.apply(candidate).equals(value.toLowerCase(Locale.ROOT))) {
                return candidate;
            }
        }
        List<String> names = new ArrayList<>();
        for (E candidate : values) {
            names.add(yamlName.apply(candidate));
        }
        throw new IllegalArgumentException(where + ": '" + value + "' unknown, use one of " + String.join(", ", names));
    }

    private static Map<String, Object> yamlMap(ConfigFile file) {
        Object loaded;
        try {
            loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(file.content());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(file.location() + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException(file.location() + " must be a YAML map");
        }
        return stringKeys(map);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> result = new LinkedHashMap<>();
        map.forEach((key, value) -> result.put(String.valueOf(key), value));
        return result;
    }

    private static String requiredString(Map<String, Object> map, String key, String where) {
        Object value = map.get(key);
        if (value == null || value.toString().isBlank()) {
            throw new IllegalArgumentException(where + ": '" + key + "' missing");
        }
        return value.toString();
    }
}
