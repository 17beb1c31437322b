package ma.marsad.dashboards.render;

import java.util.List;
import ma.marsad.pipeline.text.CsvText;

/** CSV as the site exports it: text cells by {@link CsvText}, the rule of the feedback reports; numbers stay numbers. */
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
        return CsvText.cell(value.toString());
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
}
