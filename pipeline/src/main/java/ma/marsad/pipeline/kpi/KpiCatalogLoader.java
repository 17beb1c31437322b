package ma.marsad.pipeline.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.config.ConfigFolder.ConfigFile;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/** Reads the KPI YAML files; every problem is reported with the file, the KPI and the fix. */
final class KpiCatalogLoader {

    static final String FOLDER = "kpis";

    private static final Set<String> FILE_FIELDS = Set.of("pillar", "kpis");
    private static final Set<String> KPI_FIELDS = new TreeSet<>(List.of(
            "id",
            "name_fr",
            "name_ar",
            "name_en",
            "unit",
            "direction",
            "frequency",
            "source_template",
            "sql",
            "definition",
            "definition_fr",
            "definition_ar",
            "aggregation",
            "has_regions",
            "baseline",
            "milestone_2026",
            "target_2030",
            "target_relative",
            "target_basis",
            "target_basis_fr",
            "target_basis_ar",
            "target_source",
            "trajectory",
            "authoritative_submitter"));
    private static final Set<String> BASELINE_FIELDS = Set.of("period", "value");

    private final ConfigFolder config;

    KpiCatalogLoader(ConfigFolder config) {
        this.config = config;
    }

    List<KpiDefinition> load() {
        Map<String, ConfigFile> sqlFiles = new TreeMap<>();
        for (ConfigFile file : config.list(FOLDER, ".sql")) {
            sqlFiles.put(file.relativePath(), file);
        }
        List<ConfigFile> yamlFiles = config.list(FOLDER, ".yml");
        if (yamlFiles.isEmpty()) {
            throw new IllegalArgumentException(
                    "no KPI file (*.yml) in " + config.describe(FOLDER) + "; add one file per pillar");
        }
        List<KpiDefinition> kpis = new ArrayList<>();
        for (ConfigFile file : yamlFiles) {
            kpis.addAll(readFile(file, sqlFiles));
        }
        return kpis;
    }

    private List<KpiDefinition> readFile(ConfigFile file, Map<String, ConfigFile> sqlFiles) {
        String where = FOLDER + "/" + file.relativePath();
        Object document;
        try {
            document = new Yaml(new SafeConstructor(new LoaderOptions())).load(file.content());
        } catch (YAMLException e) {
            throw new IllegalArgumentException(where + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(document instanceof Map<?, ?> root)) {
            throw new IllegalArgumentException(where + " must be a mapping with 'pillar' and 'kpis'");
        }
        checkFields(where, "the file", root, FILE_FIELDS);
        String pillar = text(root.get("pillar"));
        if (!(root.get("kpis") instanceof List<?> entries)) {
            throw new IllegalArgumentException(where + " must have a 'kpis' list");
        }
        List<KpiDefinition> kpis = new ArrayList<>();
        for (Object entry : entries) {
            if (!(entry instanceof Map<?, ?> fields)) {
                throw new IllegalArgumentException(where + ": each entry of 'kpis' must be a mapping, found " + entry);
            }
            String id = text(fields.get("id"));
            String context = where + ": KPI " + (id == null ? "(without id)" : id);
            checkFields(context, "the KPI", fields, KPI_FIELDS);
            try {
                kpis.add(definition(where, pillar, fields, sqlFiles));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(context + ": " + e.getMessage(), e);
            }
        }
        return kpis;
    }

    private KpiDefinition definition(String where, String pillar, Map<?, ?> fields, Map<String, ConfigFile> sqlFiles) {
        String sqlPath = text(fields.get("sql"));
        String sql = null;
        if (sqlPath != null) {
            ConfigFile sqlFile = sqlFiles.get(sqlPath);
            if (sqlFile == null) {
                throw new IllegalArgumentException("sql file '" + sqlPath + "' does not exist in "
                        + config.describe(FOLDER) + "; add it or correct the 'sql' field");
            }
            sql = sqlFile.content();
        }
        String direction = text(fields.get("direction"));
        if (direction == null) {
            throw new IllegalArgumentException("direction is required; use 'up' or 'down'");
        }
        String trajectory = text(fields.get("trajectory"));
        return new KpiDefinition(
                text(fields.get("id")),
                pillar,
                text(fields.get("name_fr")),
                text(fields.get("name_ar")),
                text(fields.get("name_en")),
                text(fields.get("unit")),
                Direction.parse(direction),
                text(fields.get("frequency")),
                text(fields.get("source_template")),
                sql,
                text(fields.get("definition")),
                text(fields.get("aggregation")),
                bool(fields.get("has_regions"), "has_regions"),
                baseline(fields.get("baseline")),
                number(fields.get("milestone_2026"), "milestone_2026"),
                number(fields.get("target_2030"), "target_2030"),
                number(fields.get("target_relative"), "target_relative"),
                text(fields.get("target_basis")),
                text(fields.get("target_source")),
                trajectory == null ? TrajectoryShape.LINEAR : TrajectoryShape.parse(trajectory),
                text(fields.get("authoritative_submitter")),
                new KpiDefinition.Translations(
                        text(fields.get("definition_fr")),
                        text(fields.get("definition_ar")),
                        text(fields.get("target_basis_fr")),
                        text(fields.get("target_basis_ar"))),
                where);
    }

    private static void checkFields(String context, String what, Map<?, ?> fields, Set<String> allowed) {
        for (Object key : fields.keySet()) {
            if (!allowed.contains(String.valueOf(key))) {
                throw new IllegalArgumentException(context + ": unknown field '" + key + "' in " + what
                        + "; correct its name or remove it (allowed: " + String.join(", ", new TreeSet<>(allowed))
                        + ")");
            }
        }
    }

    private static KpiDefinition.Baseline baseline(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> fields)) {
            throw new IllegalArgumentException(
                    "baseline must be a mapping like {period: \"2022\", value: 113}, found " + value);
        }
        checkFields("baseline", "the baseline", fields, BASELINE_FIELDS);
        Double number = number(fields.get("value"), "baseline value");
        String period = text(fields.get("period"));
        if (number == null || period == null) {
            throw new IllegalArgumentException(
                    "baseline needs both period and value, e.g. {period: \"2022\", value: 113}");
        }
        return new KpiDefinition.Baseline(period, number);
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value).strip();
        return text.isEmpty() ? null : text;
    }

    private static Double number(Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new IllegalArgumentException(field + " '" + value + "' is not a number; write it without quotes or unit");
    }

    private static boolean bool(Object value, String field) {
        if (value == null) {
            return false;
        }
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new IllegalArgumentException(field + " '" + value + "' must be true or false");
    }
}
