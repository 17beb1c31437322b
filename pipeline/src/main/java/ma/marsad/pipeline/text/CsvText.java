package ma.marsad.pipeline.text;

/**
 * CSV cells as the feedback reports and the site write them, the same rule as the site's "export CSV" script: unsafe
 * characters shown as {@link VisibleText} escapes, text a spreadsheet would run as a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, a tab or a carriage return) prefixed with an apostrophe, and quotes only where
 * needed.
 */
public final class CsvText {

    private CsvText() {}

    /** A text cell; null is an empty cell. */
    public static String cell(String text) {
        if (text == null) {
            return "";
        }
        return quoted(neutralised(VisibleText.of(text)));
    }

    /**
     * A cell of Marsad's own words, such as a submitter's message, whose Arabic uses direction marks on purpose and
     * whose values were already made visible ({@code Messages}).
     */
    public static String ownTextCell(String text) {
        return text == null ? "" : quoted(neutralised(text));
    }

    /** The text with a leading apostrophe when a spreadsheet would read it as a formula. */
    public static String neutralised(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static String quoted(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
