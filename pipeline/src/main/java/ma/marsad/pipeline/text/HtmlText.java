package ma.marsad.pipeline.text;

/** HTML escaping for the feedback reports and the site: one implementation for both. */
public final class HtmlText {

    private HtmlText() {}

    /** Text for HTML content or a quoted attribute, unsafe characters shown as {@link VisibleText} escapes. */
    public static String escape(String text) {
        return escapeOwnText(VisibleText.of(text));
    }

    /**
     * Only the markup characters escaped: for Marsad's own words, such as the submitters' messages whose Arabic uses
     * direction marks on purpose and whose values were already made visible ({@code Messages}).
     */
    public static String escapeOwnText(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = null;
        for (int index = 0; index < text.length(); index++) {
            String entity = entity(text.charAt(index));
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, index);
            }
            if (out != null) {
                out.append(entity == null ? String.valueOf(text.charAt(index)) : entity);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String entity(char character) {
        return switch (character) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> "&quot;";
            case '\'' -> "&#39;";
            default -> null;
        };
    }
}
