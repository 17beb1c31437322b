package ma.marsad.dashboards.render;

import java.util.List;

/**
 * CSV as the site exports it, the same rule as the page script's "export CSV": text that a spreadsheet would read as a
 * formula (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe; numbers stay numbers.
 */
final class CsvCells {

    private CsvCells() {}

    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double number) {
            return Html.plain(number);
        }
        if (value instanceof Number) {
            return value.toString();
        }
        return quote(neutralise(value.toString()));
    }

    static String neutralise(String text) {
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    static String row(List<?> cells) {
        StringBuilder out = new StringBuilder();
        for (int index = 0; index < cells.size(); index++) {
            if (index > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(index)));
        }
        return out.append("\r\n").toString();
    }

    private static String quote(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
