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
 * @param scale for decimal: the most fraction digits a value may have, and the scale of its warehouse type {@code
 *     DECIMAL(18, scale)}; 0 for other types
 * @param datePatterns for date and datetime: the accepted patterns ({@code DateTimeFormatter} syntax)
 * @param arabicScript for text: whether the value must be written in Arabic script
 * @param trim for text: whether surrounding spaces are removed
 * @param headerAliases other headers accepted for the column (French, Arabic, English)
 * @param description what the column holds, in French, Arabic and English, for the templates sent to submitters
 * @param renamedFrom the names the column had in earlier versions of the template, oldest first: files of those
 *     versions hold its values under them
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
        int scale,
        List<String> datePatterns,
        boolean arabicScript,
        boolean trim,
        List<String> headerAliases,
        ColumnDescription description,
        List<String> renamedFrom) {

    /** The scale of a decimal column that declares none: money, to the centime. */
    public static final int DEFAULT_SCALE = 2;

    /**
     * The largest scale: a value of at most 15 significant digits survives the lake's DOUBLE exactly, so a decimal
     * column holds at most 15 digits, of which at most this many after the point.
     */
    public static final int MAX_SCALE = 9;

    /** The number of significant digits a decimal value may have (what a DOUBLE in the lake keeps exactly). */
    public static final int DECIMAL_DIGITS = 15;

    public ColumnSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        enumValues = List.copyOf(enumValues);
        valueAliases = Map.copyOf(valueAliases);
        datePatterns = List.copyOf(datePatterns);
        headerAliases = List.copyOf(headerAliases);
        renamedFrom = renamedFrom == null ? List.of() : List.copyOf(renamedFrom);
        description = description == null ? ColumnDescription.NONE : description;
        if (type == ColumnType.ENUM && enumValues.isEmpty()) {
            throw new IllegalArgumentException("enum column " + name + " needs values");
        }
        if ((type == ColumnType.DATE || type == ColumnType.DATETIME) && datePatterns.isEmpty()) {
            throw new IllegalArgumentException("date column " + name + " needs at least one pattern");
        }
        if (scale < 0 || scale > MAX_SCALE) {
            throw new IllegalArgumentException("column " + name + ": scale " + scale + " is not 0 to " + MAX_SCALE);
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException("column " + name + ": min " + min + " is above max " + max);
        }
    }
}
