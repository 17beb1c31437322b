package ma.marsad.pipeline.kpi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.config.ConfigFolder.ConfigFile;
import ma.marsad.pipeline.config.InvalidConfigurationException;
import ma.marsad.pipeline.config.YamlDocument;

/** Reads the KPI YAML files; every problem is reported with the file, the line, the KPI and the fix. */
final class KpiCatalogLoader {

    static final String FOLDER = "kpis";

    private static final Set<String> FILE_FIELDS = Set.of("pillar", "kpis");
    private static final Set<String> KPI_FIELDS = new TreeSet<>(List.of(
            "id",
            "name_fr",
            "name_ar",
            "name_en",
            "unit",
            "decimals",
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
            "authoritative_submitter",
            "vintages"));
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
        YamlDocument.Entry root = YamlDocument.parse(file);
        Map<String, YamlDocument.Entry> top = root.mapping(FILE_FIELDS);
        String pillar = text(top.get("pillar"));
        List<KpiDefinition> kpis = new ArrayList<>();
        for (YamlDocument.Entry entry : root.required(top, "kpis").list()) {
            Map<String, YamlDocument.Entry> fields = entry.mapping(KPI_FIELDS);
            String id = text(fields.get("id"));
            try {
                kpis.add(definition(where, pillar, fields, sqlFiles));
            } catch (InvalidConfigurationException e) {
                throw e;
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(
                        entry.where() + ": KPI " + (id == null ? "(without id)" : id) + ": " + e.getMessage());
            }
        }
        return kpis;
    }

    private KpiDefinition definition(
            String where, String pillar, Map<String, YamlDocument.Entry> fields, Map<String, ConfigFile> sqlFiles) {
        String sqlPath = text(fields.get("sql"));
        String sql = null;
        String sqlLocation = null;
        if (sqlPath != null) {
            ConfigFile sqlFile = sqlFiles.get(sqlPath);
            if (sqlFile == null) {
                throw new IllegalArgumentException("sql file '" + sqlPath + "' does not exist in "
                        + config.describe(FOLDER) + "; add it or correct the 'sql' field");
            }
            sql = sqlFile.content();
            sqlLocation = FOLDER + "/" + sqlFile.relativePath();
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
                decimals(fields.get("decimals")),
                Direction.parse(direction),
                text(fields.get("frequency")),
                text(fields.get("source_template")),
                sql,
                text(fields.get("definition")),
                text(fields.get("aggregation")),
                fields.containsKey("has_regions") && fields.get("has_regions").bool(),
                baseline(fields.get("baseline")),
                number(fields.get("milestone_2026")),
                number(fields.get("target_2030")),
                number(fields.get("target_relative")),
                text(fields.get("target_basis")),
                text(fields.get("target_source")),
                trajectory == null ? TrajectoryShape.LINEAR : TrajectoryShape.parse(trajectory),
                text(fields.get("authoritative_submitter")),
                KpiDefinition.Vintages.parse(text(fields.get("vintages"))),
                new KpiDefinition.Translations(
                        text(fields.get("definition_fr")),
                        text(fields.get("definition_ar")),
                        text(fields.get("target_basis_fr")),
                        text(fields.get("target_basis_ar"))),
                where,
                sqlLocation);
    }

    private static int decimals(YamlDocument.Entry entry) {
        if (entry == null) {
            throw new IllegalArgumentException("decimals is required: the digits its published values keep"
                    + " (0 for counts and ranks, 1 for a percentage, 2 for bn MAD)");
        }
        String text = entry.nonBlankText();
        if (!text.matches("\\d") || Integer.parseInt(text) > KpiDefinition.MAX_DECIMALS) {
            throw entry.error(
                    "decimals is '" + text + "', not a whole number from 0 to " + KpiDefinition.MAX_DECIMALS,
                    "write the digits published after the decimal point, e.g. decimals: 1 for a percentage");
        }
        return Integer.parseInt(text);
    }

    private static KpiDefinition.Baseline baseline(YamlDocument.Entry entry) {
        if (entry == null) {
            return null;
        }
        if (!entry.isMapping()) {
            throw entry.error("baseline must be a mapping", "write it like {period: \"2022\", value: 113}");
        }
        Map<String, YamlDocument.Entry> fields = entry.mapping(BASELINE_FIELDS);
        Double number = number(fields.get("value"));
        String period = text(fields.get("period"));
        if (number == null || period == null) {
            throw entry.error("baseline needs both period and value", "write it like {period: \"2022\", value: 113}");
        }
        return new KpiDefinition.Baseline(period, number);
    }

    private static String text(YamlDocument.Entry entry) {
        if (entry == null) {
            return null;
        }
        String text = entry.text().strip();
        return text.isEmpty() ? null : text;
    }

    private static Double number(YamlDocument.Entry entry) {
        return entry == null || entry.text().isBlank() ? null : entry.number();
    }
}
