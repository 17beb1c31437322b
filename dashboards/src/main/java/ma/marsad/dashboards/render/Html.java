package ma.marsad.dashboards.render;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.text.HtmlText;
import ma.marsad.pipeline.text.VisibleText;

/** Escaping and value writing shared by every page; all output is deterministic (no locale, no clock). */
final class Html {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    /** Every time on the site is shown in Morocco's time, with the offset of that day. */
    static final ZoneId MOROCCO = ZoneId.of("Africa/Casablanca");

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'xxx");

    private Html() {}

    /** Text for content or a quoted attribute; unsafe characters from the data become visible escapes. */
    static String escape(String text) {
        return HtmlText.escape(text);
    }

    /** A number as plain text, rounded to 6 decimals: the fallback the browser replaces with a localised one. */
    static String plain(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return "";
        }
        BigDecimal decimal =
                BigDecimal.valueOf(value).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
        if (decimal.signum() == 0) {
            return "0";
        }
        return decimal.toPlainString();
    }

    /**
     * A number the site script formats with Intl.NumberFormat in the page's locale, in a {@code bdi}: inside Arabic
     * text its sign, separators and per cent sign keep their order (Latin digits read left to right, Arabic-Indic
     * digits with their Arabic letter mark right to left).
     */
    static String number(Double value, String format) {
        if (value == null) {
            return "<span class=\"missing\">–</span>";
        }
        String plain = plain(value);
        return "<bdi class=\"num\" data-num=\"" + plain + "\" data-format=\"" + format + "\">" + plain + "</bdi>";
    }

    /** A period key (2026-Q3, 2026-11) isolated from the text around it and never broken at its hyphen. */
    static String period(String key) {
        return "<bdi class=\"period\">" + escape(key) + "</bdi>";
    }

    static String date(LocalDate date) {
        if (date == null) {
            return "<span class=\"missing\">–</span>";
        }
        return "<time datetime=\"" + date + "\" data-date=\"day\">" + date + "</time>";
    }

    /**
     * A time of the warehouse (stored in UTC) as read in Morocco: Africa/Casablanca's time with its offset, computed
     * here once so that the site script, which only rewrites it in the page's language, can never disagree with it.
     */
    static String dateTime(LocalDateTime utc) {
        if (utc == null) {
            return "<span class=\"missing\">–</span>";
        }
        ZonedDateTime local = utc.atOffset(ZoneOffset.UTC).atZoneSameInstant(MOROCCO);
        return "<time datetime=\"" + DATE_TIME.format(local)
                + local.getOffset().getId().replace("Z", "+00:00") + "\" data-date=\"datetime\">"
                + LOCAL_TIME.format(local) + "</time>";
    }

    /** A relative file path as a URL path, each segment percent-encoded; null for absolute paths or '..'. */
    static String encodePath(String path) {
        String normalised = path.replace('\\', '/');
        if (normalised.startsWith("/") || normalised.contains(":") || normalised.matches("(^|.*/)\\.\\.(/.*|$)")) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (String segment : normalised.split("/", -1)) {
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(java.net.URLEncoder.encode(segment, java.nio.charset.StandardCharsets.UTF_8)
                    .replace("+", "%20"));
        }
        return out.toString();
    }

    static String isoDateTime(LocalDateTime dateTime) {
        return DATE_TIME.format(dateTime);
    }

    /** JSON for inline {@code <script type="application/json">}: '<' is escaped so no text can close the script. */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        writeJson(value, out);
        return out.toString();
    }

    private static void writeJson(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String raw) {
            String text = VisibleText.of(raw); // chart labels are shown text
            out.append('"');
            for (int index = 0; index < text.length(); index++) {
                char character = text.charAt(index);
                switch (character) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    case '\t' -> out.append("\\t");
                    case '<' -> out.append("\\u003c");
                    case '>' -> out.append("\\u003e");
                    case '&' -> out.append("\\u0026");
                    case '\u2028' -> out.append("\\u2028");
                    case '\u2029' -> out.append("\\u2029");
                    default -> {
                        if (character < 0x20) {
                            out.append(String.format("\\u%04x", (int) character));
                        } else {
                            out.append(character);
                        }
                    }
                }
            }
            out.append('"');
        } else if (value instanceof Double number) {
            String plain = plain(number);
            out.append(plain.isEmpty() ? "null" : plain);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                writeJson(String.valueOf(entry.getKey()), out);
                out.append(':');
                writeJson(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int index = 0; index < list.size(); index++) {
                if (index > 0) {
                    out.append(',');
                }
                writeJson(list.get(index), out);
            }
            out.append(']');
        } else {
            writeJson(value.toString(), out);
        }
    }
}
