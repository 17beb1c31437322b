package ma.marsad.pipeline.template;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.ValueLocale;

/**
 * What a submitter needs to know to fill one column, in French, Arabic or English: its type, whether it is required,
 * the rule its values follow, the allowed values and the headers accepted. Written from the contract, so a template
 * sent to submitters always says what the validator checks.
 */
public final class ColumnGuide {

    private final TemplateContract contract;
    private final ColumnSpec column;

    public ColumnGuide(TemplateContract contract, ColumnSpec column) {
        this.contract = contract;
        this.column = column;
    }

    /** The guides of every column of a template, in contract order. */
    public static List<ColumnGuide> of(TemplateContract contract) {
        return contract.columns().stream()
                .map(c -> new ColumnGuide(contract, c))
                .toList();
    }

    public ColumnSpec column() {
        return column;
    }

    public String type(Language language) {
        return switch (column.type()) {
            case TEXT -> words(language, "texte", "نص", "text");
            case ENUM -> words(language, "liste de valeurs", "قائمة قيم", "list of values");
            case REGION -> words(language, "code région", "رمز الجهة", "region code");
            case QUARTER -> words(language, "trimestre", "فصل", "quarter");
            case INTEGER -> words(language, "nombre entier", "عدد صحيح", "whole number");
            case YEAR -> words(language, "année", "سنة", "year");
            case DECIMAL -> words(language, "nombre", "عدد", "number");
            case DATE -> words(language, "date", "تاريخ", "date");
            case DATETIME -> words(language, "date et heure", "تاريخ وساعة", "date and time");
        };
    }

    public String required(Language language) {
        return column.required()
                ? words(language, "obligatoire", "إلزامي", "required")
                : words(language, "facultatif", "اختياري", "optional");
    }

    /** The rule the values follow, as one sentence. */
    public String rule(Language language) {
        List<String> parts = new ArrayList<>();
        parts.add(required(language));
        switch (column.type()) {
            case REGION -> parts.add(words(language, "de 01 à 12", "من 01 إلى 12", "01 to 12"));
            case QUARTER ->
                parts.add(words(
                        language,
                        "ex. T3 2026, 2026-Q3 ou 3e trimestre 2026",
                        "مثال: T3 2026 أو 2026-Q3 أو 3e trimestre 2026",
                        "e.g. T3 2026, 2026-Q3 or 3e trimestre 2026"));
            case YEAR -> parts.add(words(language, "de 2000 à 2100", "من 2000 إلى 2100", "2000 to 2100"));
            case ENUM ->
                parts.add(words(
                        language, "une des valeurs permises", "إحدى القيم المسموح بها", "one of the allowed values"));
            case INTEGER, DECIMAL -> parts.add(numberFormat(language));
            case DATE, DATETIME -> parts.add(dateFormat(language));
            case TEXT -> {}
        }
        if (column.pattern() != null) {
            parts.add(words(language, "forme ", "الشكل ", "form ")
                    + column.pattern().pattern());
        }
        if (column.arabicScript()) {
            parts.add(words(language, "en caractères arabes", "بالحروف العربية", "in Arabic script"));
        }
        String range = range(language);
        if (!range.isEmpty()) {
            parts.add(range);
        }
        for (CrossColumnRule rule : contract.rules()) {
            if (rule.left().equals(column.name())) {
                parts.add(rule.text()
                        + (rule.isWarning()
                                ? words(language, " (sinon avertissement)", " (وإلا تنبيه)", " (otherwise a warning)")
                                : ""));
            }
        }
        if (contract.key().contains(column.name())) {
            parts.add(
                    contract.key().size() == 1
                            ? words(
                                    language,
                                    "unique dans le fichier (clé)",
                                    "فريد داخل الملف (المفتاح)",
                                    "unique (key)")
                            : words(language, "fait partie de la clé", "جزء من المفتاح", "part of the key"));
        }
        if (contract.periodRule().columns().contains(column.name())) {
            parts.add(words(
                    language,
                    "donne la période : une seule par fichier",
                    "يحدد الفترة: فترة واحدة لكل ملف",
                    "gives the period: one per file"));
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
            return integer
                    ? words(language, "sans décimales, ex. 1 234", "بدون كسور، مثال: 1 234", "no decimals, e.g. 1 234")
                    : words(
                            language,
                            "virgule décimale, ex. 1 234 567,5",
                            "فاصلة عشرية، مثال: 1 234 567,5",
                            "decimal comma, e.g. 1 234 567,5");
        }
        return integer
                ? words(language, "sans décimales, ex. 1234", "بدون كسور، مثال: 1234", "no decimals, e.g. 1234")
                : words(
                        language,
                        "point décimal, sans séparateur de milliers, ex. 1234567.5",
                        "نقطة عشرية بدون فاصل الآلاف، مثال: 1234567.5",
                        "decimal point, no grouping, e.g. 1234567.5");
    }

    private String dateFormat(Language language) {
        String patterns = String.join(
                " | ",
                column.datePatterns().stream().map(ColumnGuide::humanPattern).toList());
        String format = words(language, "format ", "الصيغة ", "format ") + patterns;
        if (contract.accepts("xlsx")) {
            format += words(language, " ou cellule date Excel", " أو خلية تاريخ في Excel", " or an Excel date cell");
        }
        return format;
    }

    /** A date pattern as people read it: {@code uuuu-MM-dd'T'HH:mm:ss} becomes {@code yyyy-MM-ddTHH:mm:ss}. */
    static String humanPattern(String pattern) {
        return pattern.replace("uuuu", "yyyy").replace("'", "");
    }

    private String range(Language language) {
        BigDecimal min = column.min();
        BigDecimal max = column.max();
        if (min != null && max != null) {
            return words(language, "de ", "من ", "from ")
                    + min.toPlainString()
                    + words(language, " à ", " إلى ", " to ")
                    + max.toPlainString();
        }
        if (min != null) {
            return "≥ " + min.toPlainString();
        }
        if (max != null) {
            return "≤ " + max.toPlainString();
        }
        return "";
    }

    private static String words(Language language, String fr, String ar, String en) {
        return switch (language) {
            case FR -> fr;
            case AR -> ar;
            case EN -> en;
        };
    }
}
