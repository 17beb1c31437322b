package ma.marsad.pipeline.ingest;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.quality.DateParser;
import ma.marsad.pipeline.quality.EnumMatcher;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.quality.NumberParser;
import ma.marsad.pipeline.quality.Periods;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.quality.Regions;
import ma.marsad.pipeline.quality.TextValues;
import ma.marsad.pipeline.quality.ValueLocale;
import ma.marsad.pipeline.template.ColumnSpec;
import ma.marsad.pipeline.template.ColumnType;
import ma.marsad.pipeline.template.TemplateContract;

/**
 * Turns the cells of a row into the typed values of a contract's columns, applying each column's rules. Cells come as
 * text (CSV, XLSX text cells) or already typed by the format (XLSX numbers and dates, JSON scalars).
 */
final class RowTyper {

    private static final MathContext SPREADSHEET_DIGITS = new MathContext(15);

    private final List<ColumnPlan> plans;
    private final ValueLocale locale;

    /** What is precomputed for one column. */
    private record ColumnPlan(
            ColumnSpec spec, boolean code, DateParser dates, EnumMatcher enums, String range, ValueMemo memo) {}

    RowTyper(TemplateContract contract) {
        this.locale = contract.locale();
        this.plans = contract.columns().stream()
                .map(spec -> new ColumnPlan(
                        spec,
                        contract.key().contains(spec.name()) || spec.pattern() != null,
                        spec.datePatterns().isEmpty() ? null : DateParser.of(spec.datePatterns()),
                        spec.type() == ColumnType.ENUM ? new EnumMatcher(spec.enumValues(), spec.valueAliases()) : null,
                        range(spec),
                        new ValueMemo()))
                .toList();
    }

    private static String range(ColumnSpec spec) {
        if (spec.min() != null && spec.max() != null) {
            return spec.min().toPlainString() + " … " + spec.max().toPlainString();
        }
        if (spec.min() != null) {
            return "≥ " + spec.min().toPlainString();
        }
        return spec.max() == null ? "" : "≤ " + spec.max().toPlainString();
    }

    /** The typed value of a column from its cell (null when absent), or null for an empty optional value. */
    Object type(int column, RawCell cell) throws InvalidValueException {
        ColumnPlan plan = plans.get(column);
        ColumnSpec spec = plan.spec();
        if (cell == null || isEmpty(cell)) {
            return empty(spec);
        }
        if (cell.readerError() != null) {
            ReasonCode code = cell.readerError().code();
            String detail = cell.readerError().detail();
            throw new InvalidValueException(code, Map.of("value", detail == null ? "" : detail));
        }
        Object typed = cell.typed();
        if (typed == null || typed instanceof String) {
            String text = typed instanceof String s ? s : cell.text();
            if (typed instanceof String && isNumeric(spec.type())) {
                throw jsonStringForNumber(text);
            }
            return fromText(plan, text);
        }
        if (typed instanceof Double number) {
            return fromSpreadsheetNumber(plan, number, cell);
        }
        if (typed instanceof BigDecimal number) {
            return fromJsonNumber(plan, number);
        }
        if (typed instanceof LocalDateTime dateTime) {
            return fromDateCell(plan, dateTime, cell);
        }
        if (cell.text() != null && (spec.type() == ColumnType.TEXT || spec.type() == ColumnType.ENUM)) {
            return fromText(plan, cell.text()); // a boolean cell in a text column, as shown in the sheet
        }
        throw new InvalidValueException(ReasonCode.WRONG_TYPE, Map.of("value", String.valueOf(typed)));
    }

    private static boolean isEmpty(RawCell cell) {
        if (cell.readerError() != null) {
            return false;
        }
        Object typed = cell.typed();
        if (typed == RawCell.JSON_NULL) {
            return true;
        }
        if (typed == null || typed instanceof String) {
            String text = typed instanceof String s ? s : cell.text();
            return text == null || isBlank(text);
        }
        return false;
    }

    private static Object empty(ColumnSpec spec) throws InvalidValueException {
        if (spec.required()) {
            throw new InvalidValueException(ReasonCode.REQUIRED, Map.of("value", ""));
        }
        return null;
    }

    private static boolean isNumeric(ColumnType type) {
        return type == ColumnType.INTEGER || type == ColumnType.DECIMAL || type == ColumnType.YEAR;
    }

    private InvalidValueException jsonStringForNumber(String text) {
        try {
            NumberParser.parse(text, ValueLocale.EN);
            return new InvalidValueException(ReasonCode.NUMBER_AS_STRING, Map.of("value", text));
        } catch (InvalidValueException notEvenANumber) {
            return new InvalidValueException(
                    ReasonCode.NOT_A_NUMBER, Map.of("value", text, "example", NumberParser.example(ValueLocale.EN)));
        }
    }

    private Object fromText(ColumnPlan plan, String raw) throws InvalidValueException {
        ColumnSpec spec = plan.spec();
        String text = TextValues.clean(raw, plan.code() || spec.type() != ColumnType.TEXT);
        if (spec.trim() || spec.type() != ColumnType.TEXT) {
            text = text.strip();
        }
        if (text.isEmpty()) {
            return empty(spec);
        }
        return switch (spec.type()) {
            case TEXT, REGION, QUARTER -> textValue(plan, text);
            case ENUM -> plan.enums().match(text);
            case YEAR -> Periods.year(text);
            case INTEGER -> integer(plan, NumberParser.parse(text, locale), raw, true);
            case DECIMAL -> decimal(plan, NumberParser.parse(text, locale), raw);
            case DATE -> plan.dates().parseDate(text);
            case DATETIME -> plan.dates().parseDateTime(text);
        };
    }

    /** A text-like value from its cleaned text; a text seen before in the column gives the value it gave then. */
    private static String textValue(ColumnPlan plan, String text) throws InvalidValueException {
        String known = plan.memo().get(text);
        if (known != null) {
            return known;
        }
        String value =
                switch (plan.spec().type()) {
                    case REGION -> Regions.normalize(text);
                    case QUARTER -> Periods.quarterKey(text);
                    default -> checkText(plan, text);
                };
        plan.memo().put(text, value);
        return value;
    }

    private static String checkText(ColumnPlan plan, String text) throws InvalidValueException {
        ColumnSpec spec = plan.spec();
        if (spec.pattern() != null && !spec.pattern().matcher(text).matches()) {
            throw new InvalidValueException(
                    ReasonCode.PATTERN_MISMATCH,
                    Map.of("value", text, "pattern", spec.pattern().pattern()));
        }
        if (spec.arabicScript() && !TextValues.isArabicScript(text)) {
            throw new InvalidValueException(ReasonCode.NOT_ARABIC, Map.of("value", text));
        }
        return text;
    }

    private Object fromSpreadsheetNumber(ColumnPlan plan, double number, RawCell cell) throws InvalidValueException {
        ColumnSpec spec = plan.spec();
        boolean whole = number == Math.rint(number) && !Double.isInfinite(number);
        String shown = whole && Math.abs(number) < 1e15
                ? Long.toString((long) number)
                : BigDecimal.valueOf(number).toPlainString();
        return switch (spec.type()) {
            case TEXT, ENUM, REGION -> fromText(plan, shown);
            case QUARTER ->
                throw new InvalidValueException(ReasonCode.BAD_PERIOD, Map.of("value", shown, "expected", "T3 2026"));
            case YEAR -> {
                if (!whole) {
                    throw new InvalidValueException(ReasonCode.BAD_PERIOD, Map.of("value", shown, "expected", "2026"));
                }
                yield Periods.checkYear((long) number, shown);
            }
            case INTEGER -> {
                if (!whole) {
                    throw new InvalidValueException(ReasonCode.NOT_AN_INTEGER, Map.of("value", shown));
                }
                yield integer(plan, BigDecimal.valueOf((long) number), shown, false);
            }
            // a spreadsheet shows at most 15 significant digits: a formula's binary residue is not the submitter's
            // value
            case DECIMAL -> decimal(plan, BigDecimal.valueOf(number).round(SPREADSHEET_DIGITS), shown);
            // an unstyled number in a date column may be a serial date or a plain number: never guess
            case DATE, DATETIME ->
                throw new InvalidValueException(
                        ReasonCode.BAD_DATE,
                        Map.of("value", cell.text() == null ? shown : cell.text(), "pattern", patterns(plan)));
        };
    }

    private Object fromJsonNumber(ColumnPlan plan, BigDecimal number) throws InvalidValueException {
        ColumnSpec spec = plan.spec();
        String shown = number.toPlainString();
        return switch (spec.type()) {
            case TEXT, ENUM, REGION -> fromText(plan, shown);
            case QUARTER ->
                throw new InvalidValueException(ReasonCode.BAD_PERIOD, Map.of("value", shown, "expected", "T3 2026"));
            case YEAR -> {
                if (number.scale() > 0) {
                    throw new InvalidValueException(ReasonCode.BAD_PERIOD, Map.of("value", shown, "expected", "2026"));
                }
                yield Periods.checkYear(number.longValue(), shown);
            }
            case INTEGER -> integer(plan, number, shown, true);
            case DECIMAL -> decimal(plan, number, shown);
            case DATE, DATETIME ->
                throw new InvalidValueException(ReasonCode.BAD_DATE, Map.of("value", shown, "pattern", patterns(plan)));
        };
    }

    private Object fromDateCell(ColumnPlan plan, LocalDateTime dateTime, RawCell cell) throws InvalidValueException {
        ColumnSpec spec = plan.spec();
        return switch (spec.type()) {
            case DATETIME -> dateTime;
            case DATE -> {
                if (!dateTime.toLocalTime().equals(LocalTime.MIDNIGHT)) {
                    throw new InvalidValueException(
                            ReasonCode.BAD_DATE, Map.of("value", dateTime.toString(), "pattern", patterns(plan)));
                }
                yield dateTime.toLocalDate();
            }
            default ->
                fromText(
                        plan,
                        cell.text() != null
                                ? cell.text()
                                : dateTime.toLocalDate().toString());
        };
    }

    private static long integer(ColumnPlan plan, BigDecimal value, String raw, boolean rejectFraction)
            throws InvalidValueException {
        if (rejectFraction && value.scale() > 0) {
            throw new InvalidValueException(ReasonCode.NOT_AN_INTEGER, Map.of("value", raw));
        }
        checkRange(plan, value, raw);
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw new InvalidValueException(ReasonCode.OUT_OF_RANGE, Map.of("value", raw, "range", "64-bit"));
        }
    }

    /**
     * A decimal value with at most the column's scale of fraction digits and {@link ColumnSpec#DECIMAL_DIGITS}
     * significant digits, so that the lake's DOUBLE gives it back exactly as {@code DECIMAL(18, scale)}.
     */
    private static double decimal(ColumnPlan plan, BigDecimal value, String raw) throws InvalidValueException {
        checkRange(plan, value, raw);
        int scale = plan.spec().scale();
        BigDecimal exact = value.stripTrailingZeros();
        if (exact.scale() > scale) {
            throw new InvalidValueException(
                    ReasonCode.TOO_MANY_DECIMALS, Map.of("value", raw, "scale", Integer.toString(scale)));
        }
        int wholeDigits = ColumnSpec.DECIMAL_DIGITS - scale;
        if (exact.precision() - exact.scale() > wholeDigits) {
            throw new InvalidValueException(
                    ReasonCode.OUT_OF_RANGE,
                    Map.of(
                            "value",
                            raw,
                            "range",
                            "< " + BigDecimal.TEN.pow(wholeDigits).toPlainString()));
        }
        return exact.doubleValue();
    }

    private static void checkRange(ColumnPlan plan, BigDecimal value, String raw) throws InvalidValueException {
        ColumnSpec spec = plan.spec();
        if ((spec.min() != null && value.compareTo(spec.min()) < 0)
                || (spec.max() != null && value.compareTo(spec.max()) > 0)) {
            throw new InvalidValueException(ReasonCode.OUT_OF_RANGE, Map.of("value", raw, "range", plan.range()));
        }
    }

    private static String patterns(ColumnPlan plan) {
        return plan.dates() == null ? "" : String.join(" | ", plan.dates().patterns());
    }

    private static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.isWhitespace(c) || c == '\u00A0' || c == '\u202F')) {
                return false;
            }
        }
        return true;
    }
}
