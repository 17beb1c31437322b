package ma.marsad.pipeline.template;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One column of a template, as its contract declares it.
 *
 * @param name canonical name (the Parquet and warehouse column)
 * @param type the value type
 * @param required whether an empty value is a row error
 * @param pattern for text: a regular expression the whole (cleaned) value must match, or null
 * @param enumValues for enum: the canonical values
 * @param valueAliases for enum: other spellings → canonical value
 * @param min inclusive lower bound for numbers, or null
 * @param max inclusive upper bound for numbers, or null
 * @param datePatterns for date and datetime: the accepted patterns ({@code DateTimeFormatter} syntax)
 * @param arabicScript for text: whether the value must be written in Arabic script
 * @param trim for text: whether surrounding spaces are removed
 * @param headerAliases other headers accepted for the column (French, Arabic, English)
 * @param description what the column holds, in French, Arabic and English, for the templates sent to submitters
 */
public record ColumnSpec(
        String name,
        ColumnType type,
        boolean required,
        Pattern pattern,
        List<String> enumValues,
        Map<String, String> valueAliases,
        BigDecimal min,
        BigDecimal max,
        List<String> datePatterns,
        boolean arabicScript,
        boolean trim,
        List<String> headerAliases,
        ColumnDescription description) {

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
        valueAliases = Map.copyOf(valueAliases);
        datePatterns = List.copyOf(datePatterns);
        headerAliases = List.copyOf(headerAliases);
        description = description == null ? ColumnDescription.NONE : description;
        if (type == ColumnType.ENUM && enumValues.isEmpty()) {
            throw new IllegalArgumentException("enum column " + name + " needs values");
        }
        if ((type == ColumnType.DATE || type == ColumnType.DATETIME) && datePatterns.isEmpty()) {
            throw new IllegalArgumentException("date column " + name + " needs at least one pattern");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("column " + name + ": min " + min + " is above max " + max);
        }
    }
}
