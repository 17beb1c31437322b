package ma.marsad.pipeline.template;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import ma.marsad.pipeline.config.ConfigFolder.ConfigFile;
import ma.marsad.pipeline.config.YamlDocument;
import ma.marsad.pipeline.quality.DateParser;
import ma.marsad.pipeline.quality.HeaderMatcher;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.quality.ValueLocale;

/** Reads one {@code templates/<id>.yml} into a {@link TemplateContract}, checking everything a run relies on. */
final class ContractParser {

    private static final Set<String> TOP_KEYS = Set.of(
            "id",
            "version",
            "titles",
            "description",
            "formats",
            "reader",
            "locale",
            "period",
            "key",
            "columns",
            "rules");
    private static final Set<String> TITLE_KEYS = Set.of("fr", "ar", "en");
    private static final Set<String> READER_KEYS = Set.of(
            "encoding",
            "submitter_encodings",
            "delimiter",
            "quote",
            "sheet",
            "header_row",
            "max_rows",
            "max_columns",
            "max_cell_chars");
    private static final Set<String> PERIOD_KEYS = Set.of("type", "columns");
    private static final Set<String> COLUMN_KEYS = Set.of(
            "name",
            "type",
            "required",
            "pattern",
            "values",
            "value_aliases",
            "min",
            "max",
            "scale",
            "date_patterns",
            "arabic_script",
            "trim",
            "aliases",
            "description",
            "renamed_from");
    private static final Set<String> DESCRIPTION_KEYS = Set.of("fr", "ar", "en");
    private static final Set<String> RULE_KEYS = Set.of("check", "warning");
    private static final Pattern COLUMN_NAME = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Pattern TEMPLATE_ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern CHECK =
            Pattern.compile("\\s*([a-z][a-z0-9_]*)\\s*(<=|>=|==|<|>)\\s*([a-z][a-z0-9_]*)\\s*");
    private static final String TYPES = Arrays.stream(ColumnType.values())
            .map(t -> t.name().toLowerCase(Locale.ROOT))
            .reduce((a, b) -> a + ", " + b)
            .orElse("");

    private ContractParser() {}

    static TemplateContract parse(ConfigFile file, Map<String, Charset> registryEncodings) {
        YamlDocument.Entry root = YamlDocument.parse(file.location(), file.content());
        Map<String, YamlDocument.Entry> top = root.mapping(TOP_KEYS);
        String id = required(root, top, "id").nonBlankText();
        String expectedFile = id + ".yml";
        if (!TEMPLATE_ID.matcher(id).matches()) {
            throw top.get("id")
                    .error("template id '" + id + "' is not lower-case letters, digits and '-'", "rename it");
        }
        if (!file.fileName().equals(expectedFile)) {
            throw top.get("id")
                    .error(
                            "id '" + id + "' does not match the file name " + file.fileName(),
                            "name the file " + expectedFile + " or change the id");
        }
        int version = version(top.get("version"));
        Map<String, YamlDocument.Entry> titleEntries =
                required(root, top, "titles").mapping(TITLE_KEYS);
        YamlDocument.Entry titlesEntry = top.get("titles");
        Titles titles = new Titles(
                required(titlesEntry, titleEntries, "fr").nonBlankText(),
                required(titlesEntry, titleEntries, "ar").nonBlankText(),
                required(titlesEntry, titleEntries, "en").nonBlankText());
        String description =
                top.containsKey("description") ? top.get("description").text() : "";

        YamlDocument.Entry formatsEntry = required(root, top, "formats");
        List<String> formats = formatsEntry.textList();
        for (String format : formats) {
            if (!TemplateContract.FORMATS.contains(format)) {
                throw formatsEntry.error("unknown format '" + format + "'", "use csv, xlsx or json");
            }
        }

        YamlDocument.Entry localeEntry = required(root, top, "locale");
        ValueLocale locale = ValueLocale.fromTag(localeEntry.text())
                .orElseThrow(() -> localeEntry.error("unknown locale '" + localeEntry.text() + "'", "use fr-MA or en"));

        ReaderOptions readerOptions = readerOptions(top.get("reader"), formats, root);
        List<ColumnSpec> columns = columns(required(root, top, "columns"));
        Map<String, ColumnSpec> byName = new LinkedHashMap<>();
        columns.forEach(c -> byName.put(c.name(), c));
        checkHeaderAliases(top.get("columns"), columns, formats);
        checkRenames(top.get("columns"), columns, version);

        PeriodRule periodRule = periodRule(required(root, top, "period"), byName);
        YamlDocument.Entry keyEntry = required(root, top, "key");
        List<String> key = keyEntry.textList();
        if (key.isEmpty()) {
            throw keyEntry.error("the key is empty", "list the columns that identify a row, e.g. [request_id]");
        }
        for (String column : key) {
            if (!byName.containsKey(column)) {
                throw keyEntry.error(
                        "key column '" + column + "' is not declared in columns",
                        "use one of " + String.join(", ", byName.keySet()));
            }
            if (!byName.get(column).required()) {
                throw keyEntry.error("key column '" + column + "' is optional", "mark it required: true");
            }
        }
        List<CrossColumnRule> rules = top.containsKey("rules") ? rules(top.get("rules"), byName) : List.of();
        try {
            return new TemplateContract(
                    id,
                    version,
                    titles,
                    description,
                    formats,
                    readerOptions,
                    locale,
                    periodRule,
                    key,
                    columns,
                    rules,
                    registryEncodings);
        } catch (IllegalArgumentException e) {
            throw root.error(e.getMessage(), "correct the contract");
        }
    }

    /** The template's version: 1 when left out, else a whole number from 1 up. */
    private static int version(YamlDocument.Entry entry) {
        if (entry == null) {
            return 1;
        }
        int version = entry.integer();
        if (version < 1) {
            throw entry.error(
                    "version is " + version,
                    "use 1 for the first version of a template, and add one each time its columns change");
        }
        return version;
    }

    private static YamlDocument.Entry required(
            YamlDocument.Entry parent, Map<String, YamlDocument.Entry> entries, String key) {
        return parent.required(entries, key);
    }

    private static ReaderOptions readerOptions(
            YamlDocument.Entry readerEntry, List<String> formats, YamlDocument.Entry root) {
        Map<String, YamlDocument.Entry> reader = readerEntry == null ? Map.of() : readerEntry.mapping(READER_KEYS);
        Charset encoding = reader.containsKey("encoding") ? charset(reader.get("encoding")) : Charset.forName("UTF-8");
        Map<String, Charset> submitterEncodings = new LinkedHashMap<>();
        if (reader.containsKey("submitter_encodings")) {
            reader.get("submitter_encodings").rawMapping().forEach((code, value) -> {
                if (!Submitter.CODE.matcher(code).matches()) {
                    throw value.error("'" + code + "' is not a submitter code", "use the upper-case code, e.g. OFPPT");
                }
                submitterEncodings.put(code, charset(value));
            });
        }
        char delimiter = reader.containsKey("delimiter") ? singleCharacter(reader.get("delimiter")) : ',';
        char quote = reader.containsKey("quote") ? singleCharacter(reader.get("quote")) : '"';
        String sheet = reader.containsKey("sheet") ? reader.get("sheet").nonBlankText() : null;
        if (formats.contains("xlsx") && sheet == null) {
            throw (readerEntry == null ? root : readerEntry)
                    .error("an xlsx template needs a sheet name", "add 'sheet: <name>' under reader");
        }
        int headerRow =
                reader.containsKey("header_row") ? reader.get("header_row").integer() : 1;
        if (headerRow < 1) {
            throw reader.get("header_row").error("header_row is " + headerRow, "use 1 for the first row");
        }
        ReaderLimits defaults = ReaderLimits.DEFAULTS;
        ReaderLimits limits = new ReaderLimits(
                positive(reader.get("max_rows"), defaults.maxRows()),
                (int) positive(reader.get("max_columns"), defaults.maxColumns()),
                (int) positive(reader.get("max_cell_chars"), defaults.maxCellChars()));
        return new ReaderOptions(encoding, submitterEncodings, delimiter, quote, sheet, headerRow, limits);
    }

    /** An optional reader cap: the default when absent, else a whole number from 1 up. */
    private static long positive(YamlDocument.Entry entry, long defaultValue) {
        if (entry == null) {
            return defaultValue;
        }
        int value = entry.integer();
        if (value < 1) {
            throw entry.error(entry.name() + " is " + value, "use a whole number of 1 or more, or leave it out");
        }
        return value;
    }

    private static Charset charset(YamlDocument.Entry entry) {
        String name = entry.nonBlankText();
        try {
            return Charset.forName(name);
        } catch (IllegalArgumentException e) {
            throw entry.error("unknown encoding '" + name + "'", "use UTF-8 or windows-1256");
        }
    }

    private static char singleCharacter(YamlDocument.Entry entry) {
        String value = entry.text();
        if (value.length() != 1) {
            throw entry.error("'" + entry.name() + "' is '" + value + "', not one character", "quote it, e.g. \";\"");
        }
        return value.charAt(0);
    }

    private static List<ColumnSpec> columns(YamlDocument.Entry columnsEntry) {
        List<ColumnSpec> columns = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (YamlDocument.Entry item : columnsEntry.list()) {
            ColumnSpec column = column(item);
            if (names.contains(column.name())) {
                throw item.error("column '" + column.name() + "' is declared twice", "remove one");
            }
            names.add(column.name());
            columns.add(column);
        }
        if (columns.isEmpty()) {
            throw columnsEntry.error("no columns", "declare at least one column");
        }
        return columns;
    }

    private static ColumnSpec column(YamlDocument.Entry item) {
        Map<String, YamlDocument.Entry> fields = item.mapping(COLUMN_KEYS);
        String name = required(item, fields, "name").nonBlankText();
        if (!COLUMN_NAME.matcher(name).matches()) {
            throw fields.get("name").error("column name '" + name + "' is not lower_snake_case", "rename it");
        }
        YamlDocument.Entry typeEntry = required(item, fields, "type");
        ColumnType type;
        try {
            type = ColumnType.valueOf(typeEntry.nonBlankText().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw typeEntry.error("unknown type '" + typeEntry.text() + "' for column " + name, "use one of " + TYPES);
        }
        boolean required =
                fields.containsKey("required") && fields.get("required").bool();
        Pattern pattern = null;
        if (fields.containsKey("pattern")) {
            YamlDocument.Entry patternEntry = fields.get("pattern");
            requireType(patternEntry, name, type, ColumnType.TEXT);
            try {
                pattern = Pattern.compile(patternEntry.nonBlankText());
            } catch (PatternSyntaxException e) {
                throw patternEntry.error(
                        "the pattern of column " + name + " is not a valid regular expression (" + e.getDescription()
                                + " near index " + e.getIndex() + ")",
                        "correct the regular expression, and quote it with single quotes");
            }
        }
        List<String> values = List.of();
        Map<String, String> valueAliases = new LinkedHashMap<>();
        if (type == ColumnType.ENUM) {
            values = required(item, fields, "values").textList();
            if (values.isEmpty()) {
                throw fields.get("values").error("enum column " + name + " has no values", "list its values");
            }
            if (fields.containsKey("value_aliases")) {
                List<String> known = values;
                fields.get("value_aliases").rawMapping().forEach((alias, target) -> {
                    if (!known.contains(target.nonBlankText())) {
                        throw target.error(
                                "value alias '" + alias + "' of column " + name + " points to '" + target.text()
                                        + "', which is not one of its values",
                                "point it to one of " + String.join(", ", known));
                    }
                    valueAliases.put(alias, target.text());
                });
            }
        } else {
            for (String key : List.of("values", "value_aliases")) {
                if (fields.containsKey(key)) {
                    throw fields.get(key)
                            .error("'" + key + "' is only for enum columns", "remove it or use type: enum");
                }
            }
        }
        BigDecimal min = fields.containsKey("min") ? number(fields.get("min"), name, type) : null;
        BigDecimal max = fields.containsKey("max") ? number(fields.get("max"), name, type) : null;
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw fields.get("min").error("min " + min + " is above max " + max + " for column " + name, "swap them");
        }
        int scale = scale(fields.get("scale"), name, type);
        List<String> datePatterns = List.of();
        if (type == ColumnType.DATE || type == ColumnType.DATETIME) {
            YamlDocument.Entry patternsEntry = required(item, fields, "date_patterns");
            datePatterns = patternsEntry.textList();
            for (String datePattern : datePatterns) {
                try {
                    DateParser.formatter(datePattern);
                } catch (IllegalArgumentException e) {
                    throw patternsEntry.error(
                            "date pattern '" + datePattern + "' of column " + name + " is invalid (" + e.getMessage()
                                    + ")",
                            "use DateTimeFormatter letters, e.g. dd/MM/uuuu");
                }
            }
        } else if (fields.containsKey("date_patterns")) {
            throw fields.get("date_patterns").error("date_patterns is only for date and datetime columns", "remove it");
        }
        boolean arabicScript = fields.containsKey("arabic_script")
                && fields.get("arabic_script").bool();
        boolean trim = fields.containsKey("trim") && fields.get("trim").bool();
        if (arabicScript) {
            requireType(fields.get("arabic_script"), name, type, ColumnType.TEXT);
        }
        List<String> aliases =
                fields.containsKey("aliases") ? fields.get("aliases").textList() : List.of();
        ColumnDescription description = description(item, fields.get("description"), name);
        List<String> renamedFrom =
                fields.containsKey("renamed_from") ? fields.get("renamed_from").textList() : List.of();
        return new ColumnSpec(
                name,
                type,
                required,
                pattern,
                values,
                valueAliases,
                min,
                max,
                scale,
                datePatterns,
                arabicScript,
                trim,
                aliases,
                description,
                renamedFrom);
    }

    /**
     * A column's description: a mapping {@code {fr: …, ar: …, en: …}} (fr and ar required), or a single text, read as
     * the English one, as earlier contracts wrote it, which then still needs its French and Arabic versions.
     */
    private static ColumnDescription description(YamlDocument.Entry item, YamlDocument.Entry entry, String column) {
        String example = "description: {fr: <texte en français>, ar: <نص بالعربية>, en: <English text>}";
        if (entry == null) {
            throw item.error(
                    "column " + column + " has no description; submitters read it in their template", "add " + example);
        }
        ColumnDescription description;
        if (entry.isScalar()) {
            description = new ColumnDescription("", "", entry.text());
        } else {
            Map<String, YamlDocument.Entry> languages = entry.mapping(DESCRIPTION_KEYS);
            description = new ColumnDescription(
                    languages.containsKey("fr") ? languages.get("fr").text() : "",
                    languages.containsKey("ar") ? languages.get("ar").text() : "",
                    languages.containsKey("en") ? languages.get("en").text() : "");
        }
        if (!description.hasFrenchAndArabic()) {
            String missing = description.fr().isEmpty() && description.ar().isEmpty()
                    ? "French and Arabic"
                    : description.fr().isEmpty() ? "French" : "Arabic";
            throw entry.error(
                    "the description of column " + column + " has no " + missing + " text", "write it as " + example);
        }
        return description;
    }

    private static void requireType(YamlDocument.Entry entry, String column, ColumnType actual, ColumnType expected) {
        if (actual != expected) {
            throw entry.error(
                    "'" + entry.name() + "' applies to " + expected.name().toLowerCase(Locale.ROOT)
                            + " columns, and column " + column + " is "
                            + actual.name().toLowerCase(Locale.ROOT),
                    "remove it");
        }
    }

    /** A decimal column's scale ({@link ColumnSpec#DEFAULT_SCALE} when left out); 0 for other types. */
    private static int scale(YamlDocument.Entry entry, String column, ColumnType type) {
        if (entry == null) {
            return type == ColumnType.DECIMAL ? ColumnSpec.DEFAULT_SCALE : 0;
        }
        requireType(entry, column, type, ColumnType.DECIMAL);
        String text = entry.nonBlankText();
        if (!text.matches("\\d{1,2}") || Integer.parseInt(text) > ColumnSpec.MAX_SCALE) {
            throw entry.error(
                    "scale of column " + column + " is '" + text + "', not a whole number from 0 to "
                            + ColumnSpec.MAX_SCALE,
                    "write the number of digits allowed after the decimal point, e.g. scale: 2 for dirhams");
        }
        return Integer.parseInt(text);
    }

    private static BigDecimal number(YamlDocument.Entry entry, String column, ColumnType type) {
        if (type != ColumnType.INTEGER && type != ColumnType.DECIMAL && type != ColumnType.YEAR) {
            throw entry.error(
                    "'" + entry.name() + "' applies to numbers, and column " + column + " is "
                            + type.name().toLowerCase(Locale.ROOT),
                    "remove it");
        }
        try {
            return new BigDecimal(entry.nonBlankText());
        } catch (NumberFormatException e) {
            throw entry.error(
                    "'" + entry.name() + "' of column " + column + " is '" + entry.text() + "', not a number",
                    "write a plain number such as 0 or 1.5");
        }
    }

    private static void checkHeaderAliases(
            YamlDocument.Entry columnsEntry, List<ColumnSpec> columns, List<String> formats) {
        List<HeaderMatcher.ExpectedColumn> expected = columns.stream()
                .map(c -> new HeaderMatcher.ExpectedColumn(c.name(), c.required(), c.headerAliases()))
                .toList();
        try {
            new HeaderMatcher(expected, false);
        } catch (IllegalArgumentException e) {
            throw columnsEntry.error(e.getMessage(), "give every column its own headers");
        }
    }

    /**
     * Earlier names of renamed columns: lower_snake_case, none the name of a current column or given by two columns
     * (the lake would not know whose values an old file holds), and only from version 2 on.
     */
    private static void checkRenames(YamlDocument.Entry columnsEntry, List<ColumnSpec> columns, int version) {
        Map<String, String> renamedBy = new LinkedHashMap<>();
        List<YamlDocument.Entry> items = columnsEntry.list();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec column = columns.get(i);
            if (column.renamedFrom().isEmpty()) {
                continue;
            }
            YamlDocument.Entry entry = items.get(i).mapping(COLUMN_KEYS).get("renamed_from");
            if (version < 2) {
                throw entry.error(
                        "column " + column.name() + " is renamed, and the template is at version " + version,
                        "raise the template's version (a top-level 'version: 2') with the rename");
            }
            for (String earlier : column.renamedFrom()) {
                if (!COLUMN_NAME.matcher(earlier).matches()) {
                    throw entry.error(
                            "earlier name '" + earlier + "' of column " + column.name() + " is not lower_snake_case",
                            "write the column's name as the earlier version declared it");
                }
                if (columns.stream().anyMatch(other -> other.name().equals(earlier))) {
                    throw entry.error(
                            "column " + column.name() + " is renamed from '" + earlier
                                    + "', which is the name of a current column",
                            "a name may not come back: give the column another name");
                }
                String other = renamedBy.putIfAbsent(earlier, column.name());
                if (other != null) {
                    throw entry.error(
                            "'" + earlier + "' is an earlier name of both " + other + " and " + column.name(),
                            "keep it on the column that held its values");
                }
            }
        }
    }

    private static PeriodRule periodRule(YamlDocument.Entry periodEntry, Map<String, ColumnSpec> columns) {
        Map<String, YamlDocument.Entry> period = periodEntry.mapping(PERIOD_KEYS);
        YamlDocument.Entry typeEntry = required(periodEntry, period, "type");
        PeriodType type = PeriodType.fromLabel(typeEntry.nonBlankText())
                .orElseThrow(() -> typeEntry.error(
                        "unknown period type '" + typeEntry.text() + "'", "use day, month, quarter, semester or year"));
        YamlDocument.Entry columnsEntry = required(periodEntry, period, "columns");
        List<String> names = columnsEntry.textList();
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw columnsEntry.error(
                        "period column '" + name + "' is not declared in columns",
                        "use one of " + String.join(", ", columns.keySet()));
            }
            if (!columns.get(name).required()) {
                throw columnsEntry.error("period column '" + name + "' is optional", "mark it required: true");
            }
        }
        List<ColumnType> expected =
                switch (type) {
                    case DAY, MONTH -> List.of(ColumnType.DATE); // or DATETIME, checked below
                    case QUARTER -> List.of(ColumnType.QUARTER);
                    case SEMESTER -> List.of(ColumnType.YEAR, ColumnType.ENUM);
                    case YEAR -> List.of(ColumnType.YEAR);
                };
        if (names.size() != expected.size()) {
            throw columnsEntry.error(
                    "a " + type.label() + " period is read from " + expected.size() + " column(s)",
                    type == PeriodType.SEMESTER ? "list the year column, then the semester column" : "list one column");
        }
        for (int i = 0; i < names.size(); i++) {
            ColumnType actual = columns.get(names.get(i)).type();
            boolean fits =
                    actual == expected.get(i) || (expected.get(i) == ColumnType.DATE && actual == ColumnType.DATETIME);
            if (!fits) {
                throw columnsEntry.error(
                        "period column '" + names.get(i) + "' is "
                                + actual.name().toLowerCase(Locale.ROOT) + ", a " + type.label() + " period needs "
                                + expected.get(i).name().toLowerCase(Locale.ROOT),
                        "change the period type or the column");
            }
        }
        if (type == PeriodType.SEMESTER) {
            List<String> values = columns.get(names.get(1)).enumValues();
            if (!Set.copyOf(values).equals(Set.of("S1", "S2"))) {
                throw columnsEntry.error(
                        "semester column '" + names.get(1) + "' must have the values S1, S2",
                        "declare values: [S1, S2]");
            }
        }
        return new PeriodRule(type, names);
    }

    private static List<CrossColumnRule> rules(YamlDocument.Entry rulesEntry, Map<String, ColumnSpec> columns) {
        List<CrossColumnRule> rules = new ArrayList<>();
        for (YamlDocument.Entry item : rulesEntry.list()) {
            Map<String, YamlDocument.Entry> fields = item.mapping(RULE_KEYS);
            YamlDocument.Entry checkEntry = required(item, fields, "check");
            Matcher matcher = CHECK.matcher(checkEntry.nonBlankText());
            if (!matcher.matches()) {
                throw checkEntry.error(
                        "cannot read the check '" + checkEntry.text() + "'",
                        "write 'column_a <= column_b' with one of <, <=, >, >=, ==");
            }
            String left = matcher.group(1);
            String right = matcher.group(3);
            for (String name : List.of(left, right)) {
                if (!columns.containsKey(name)) {
                    throw checkEntry.error(
                            "rule names column '" + name + "', which is not declared",
                            "use one of " + String.join(", ", columns.keySet()));
                }
            }
            if (comparableGroup(columns.get(left).type())
                    != comparableGroup(columns.get(right).type())) {
                throw checkEntry.error(
                        "rule compares " + left + " and " + right + ", which have different types",
                        "compare two numbers, two dates or two date-times");
            }
            CrossColumnRule.Operator operator = Arrays.stream(CrossColumnRule.Operator.values())
                    .filter(o -> o.symbol().equals(matcher.group(2)))
                    .findFirst()
                    .orElseThrow();
            ReasonCode warning = null;
            if (fields.containsKey("warning")) {
                YamlDocument.Entry warningEntry = fields.get("warning");
                String warningName = warningEntry.nonBlankText();
                warning = ReasonCode.find(warningName)
                        .filter(c -> c.severity() == ReasonCode.Severity.WARNING)
                        .orElseThrow(() -> warningEntry.error(
                                "'" + warningName + "' is not a warning reason code",
                                "use a warning code of ReasonCode such as BUDGET_ABOVE_ENGAGED, or remove 'warning' to"
                                        + " quarantine the row"));
            }
            rules.add(new CrossColumnRule(left, operator, right, warning));
        }
        return rules;
    }

    private static int comparableGroup(ColumnType type) {
        return switch (type) {
            case INTEGER, DECIMAL, YEAR -> 1;
            case DATE -> 2;
            case DATETIME -> 3;
            default -> 4;
        };
    }
}
