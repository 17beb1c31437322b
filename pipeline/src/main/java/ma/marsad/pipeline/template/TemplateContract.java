package ma.marsad.pipeline.template;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import ma.marsad.pipeline.quality.ValueLocale;

/**
 * One report template as a data contract: its format, layout, columns, rules, key and period. Loaded from {@code
 * templates/<id>.yml} by {@link TemplateCatalog}.
 */
public final class TemplateContract {

    /** The formats a template may accept; NDJSON files are {@code json}. */
    public static final List<String> FORMATS = List.of("csv", "xlsx", "json");

    private final String id;
    private final int version;
    private final Titles titles;
    private final String description;
    private final List<String> formats;
    private final ReaderOptions readerOptions;
    private final ValueLocale locale;
    private final PeriodRule periodRule;
    private final List<String> key;
    private final List<ColumnSpec> columns;
    private final List<CrossColumnRule> rules;
    private final Map<String, Charset> registryEncodings;
    private final Map<String, Integer> indexByName = new HashMap<>();

    public TemplateContract(
            String id,
            int version,
            Titles titles,
            String description,
            List<String> formats,
            ReaderOptions readerOptions,
            ValueLocale locale,
            PeriodRule periodRule,
            List<String> key,
            List<ColumnSpec> columns,
            List<CrossColumnRule> rules,
            Map<String, Charset> registryEncodings) {
        this.id = Objects.requireNonNull(id, "id");
        if (version < 1) {
            throw new IllegalArgumentException(id + ": version " + version + " is not a whole number from 1 up");
        }
        this.version = version;
        this.titles = Objects.requireNonNull(titles, "titles");
        this.description = description == null ? "" : description;
        this.formats = List.copyOf(formats);
        this.readerOptions = Objects.requireNonNull(readerOptions, "readerOptions");
        this.locale = Objects.requireNonNull(locale, "locale");
        this.periodRule = Objects.requireNonNull(periodRule, "periodRule");
        this.key = List.copyOf(key);
        this.columns = List.copyOf(columns);
        this.rules = List.copyOf(rules);
        this.registryEncodings = Map.copyOf(registryEncodings);
        for (int i = 0; i < this.columns.size(); i++) {
            if (indexByName.put(this.columns.get(i).name(), i) != null) {
                throw new IllegalArgumentException(
                        id + ": column " + this.columns.get(i).name() + " is declared twice");
            }
        }
        if (this.formats.isEmpty() || !FORMATS.containsAll(this.formats)) {
            throw new IllegalArgumentException(id + ": formats " + this.formats + " must be among " + FORMATS);
        }
        if (this.key.isEmpty()) {
            throw new IllegalArgumentException(id + ": the key needs at least one column");
        }
        for (String name : this.key) {
            requireColumn(name, "key");
        }
        for (String name : periodRule.columns()) {
            requireColumn(name, "period");
        }
        for (CrossColumnRule rule : this.rules) {
            requireColumn(rule.left(), "rule " + rule.text());
            requireColumn(rule.right(), "rule " + rule.text());
        }
    }

    private void requireColumn(String name, String usedBy) {
        if (!indexByName.containsKey(name)) {
            throw new IllegalArgumentException(
                    id + ": " + usedBy + " names column '" + name + "', which is not declared in columns");
        }
    }

    public String id() {
        return id;
    }

    /** The contract's version: 1 until a change of columns raises it (see the templates folder's README). */
    public int version() {
        return version;
    }

    /** The columns renamed in some version, each with its earlier names, oldest first. */
    public Map<String, List<String>> renamedColumns() {
        Map<String, List<String>> renamed = new LinkedHashMap<>();
        for (ColumnSpec column : columns) {
            if (!column.renamedFrom().isEmpty()) {
                renamed.put(column.name(), column.renamedFrom());
            }
        }
        return renamed;
    }

    public Titles titles() {
        return titles;
    }

    public String description() {
        return description;
    }

    /** Accepted formats: {@code csv}, {@code xlsx}, {@code json}. */
    public List<String> formats() {
        return formats;
    }

    public boolean accepts(String format) {
        return formats.contains(format);
    }

    public ReaderOptions readerOptions() {
        return readerOptions;
    }

    public ValueLocale locale() {
        return locale;
    }

    public PeriodRule periodRule() {
        return periodRule;
    }

    public PeriodType periodType() {
        return periodRule.type();
    }

    /** The key columns, in order. */
    public List<String> key() {
        return key;
    }

    /** The columns in contract order; validated rows carry their values in this order. */
    public List<ColumnSpec> columns() {
        return columns;
    }

    public List<CrossColumnRule> rules() {
        return rules;
    }

    public Optional<ColumnSpec> column(String name) {
        Integer index = indexByName.get(name);
        return index == null ? Optional.empty() : Optional.of(columns.get(index));
    }

    /** The 0-based position of a column, or -1. */
    public int columnIndex(String name) {
        return indexByName.getOrDefault(name, -1);
    }

    /**
     * The encoding of this template's CSV files from a submitter: the template's own declaration for that submitter,
     * else the submitter's registered encoding, else the template's encoding.
     */
    public Charset encodingFor(String submitter) {
        Charset declared = readerOptions.submitterEncodings().get(submitter);
        if (declared != null) {
            return declared;
        }
        return registryEncodings.getOrDefault(submitter, readerOptions.encoding());
    }

    /**
     * What a reader needs for a file of this template from this submitter.
     *
     * @param format {@code csv}, {@code xlsx} or {@code json}
     * @throws IllegalArgumentException when the template does not accept the format
     */
    public ReaderSettings readerSettings(String submitter, String format) {
        if (!accepts(format)) {
            throw new IllegalArgumentException(
                    "template " + id + " does not accept " + format + " files; it accepts " + formats);
        }
        return new ReaderSettings(
                format,
                encodingFor(submitter),
                readerOptions.delimiter(),
                readerOptions.quote(),
                readerOptions.sheet(),
                format.equals("json") ? 1 : readerOptions.headerRow(),
                columns.stream().map(ColumnSpec::name).toList(),
                readerOptions.limits());
    }

    @Override
    public String toString() {
        return "TemplateContract[" + id + "]";
    }
}
