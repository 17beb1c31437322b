package ma.marsad.pipeline.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.quality.Periods;
import ma.marsad.pipeline.quality.ValueLocale;

/**
 * What a submitter needs to know to fill one column, in French, Arabic or English: its type, whether it is required,
 * the rule its values follow, the allowed values and the headers accepted. Written from the contract, so a template
 * sent to submitters always says what the validator checks, in the words of the message files.
 *
 * @param contract the template
 * @param column one of its columns
 * @param messages where the words are
 */
public record ColumnGuide(TemplateContract contract, ColumnSpec column, Messages messages) {

    /** The guides of every column of a template, in contract order. */
    public static List<ColumnGuide> of(TemplateContract contract, Messages messages) {
        return contract.columns().stream()
                .map(c -> new ColumnGuide(contract, c, messages))
                .toList();
    }

    public String type(Language language) {
        return words("guide.type." + column.type().name().toLowerCase(Locale.ROOT), language);
    }

    public String required(Language language) {
        return words(column.required() ? "guide.required" : "guide.optional", language);
    }

    /** The rule the values follow, as one sentence. */
    public String rule(Language language) {
        List<String> parts = new ArrayList<>();
        parts.add(required(language));
        switch (column.type()) {
            case REGION -> parts.add(words("guide.region_range", language));
            case QUARTER -> parts.add(words("guide.quarter_examples", language));
            case YEAR ->
                parts.add(messages.phrase(
                        "guide.year_range", Map.of("from", Periods.FIRST_YEAR, "to", Periods.LAST_YEAR), language));
            case ENUM -> parts.add(words("guide.allowed_value", language));
            case INTEGER, DECIMAL -> parts.add(numberFormat(language));
            case DATE, DATETIME -> parts.add(dateFormat(language));
            case TEXT -> {}
        }
        if (column.pattern() != null) {
            parts.add(messages.phrase(
                    "guide.pattern", Map.of("pattern", column.pattern().pattern()), language));
        }
        if (column.arabicScript()) {
            parts.add(words("guide.arabic_script", language));
        }
        String range = range(language);
        if (!range.isEmpty()) {
            parts.add(range);
        }
        for (CrossColumnRule rule : contract.rules()) {
            if (rule.left().equals(column.name())) {
                parts.add(
                        rule.isWarning()
                                ? messages.phrase("guide.rule_or_warning", Map.of("rule", rule.text()), language)
                                : rule.text());
            }
        }
        if (contract.key().contains(column.name())) {
            parts.add(words(contract.key().size() == 1 ? "guide.unique_key" : "guide.part_of_key", language));
        }
        if (contract.periodRule().columns().contains(column.name())) {
            parts.add(words("guide.gives_period", language));
        }
        return String.join(language == Language.AR ? "؛ " : " ; ", parts);
    }

    /** The allowed values of an enum column, with the other spellings accepted; empty for other columns. */
    public String allowedValues() {
        if (column.type() != ColumnType.ENUM) {
            return "";
        }
        StringBuilder values = new StringBuilder(String.join(", ", column.enumValues()));
        column.valueAliases()
                .forEach((alias, value) ->
                        values.append(", ").append(alias).append(" = ").append(value));
        return values.toString();
    }

    /** The canonical name and every alias a header may use. */
    public String acceptedHeaders() {
        Set<String> headers = new LinkedHashSet<>();
        headers.add(column.name());
        headers.addAll(column.headerAliases());
        return String.join(", ", headers);
    }

    public String description(Language language) {
        return column.description().in(language);
    }

    private String numberFormat(Language language) {
        boolean integer = column.type() == ColumnType.INTEGER;
        if (contract.locale() == ValueLocale.FR_MA) {
            return words(integer ? "guide.integer_fr_ma" : "guide.decimal_fr_ma", language);
        }
        return words(integer ? "guide.integer_plain" : "guide.decimal_plain", language);
    }

    private String dateFormat(Language language) {
        String patterns = String.join(
                " | ",
                column.datePatterns().stream().map(ColumnGuide::humanPattern).toList());
        String key = contract.accepts("xlsx") ? "guide.date_format_or_excel" : "guide.date_format";
        return messages.phrase(key, Map.of("patterns", patterns), language);
    }

    /** A date pattern as people read it: {@code uuuu-MM-dd'T'HH:mm:ss} becomes {@code yyyy-MM-ddTHH:mm:ss}. */
    static String humanPattern(String pattern) {
        return pattern.replace("uuuu", "yyyy").replace("'", "");
    }

    private String range(Language language) {
        BigDecimal min = column.min();
        BigDecimal max = column.max();
        if (min != null && max != null) {
            return messages.phrase(
                    "guide.range", Map.of("min", min.toPlainString(), "max", max.toPlainString()), language);
        }
        if (min != null) {
            return "≥ " + min.toPlainString();
        }
        if (max != null) {
            return "≤ " + max.toPlainString();
        }
        return "";
    }

    private String words(String key, Language language) {
        return messages.phrase(key, language);
    }
}
