package ma.marsad.pipeline.lake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The version of the template a staging file was written with, and the columns that version renamed, each with its
 * earlier names: kept in the file's footer, so that committing the file renames the table's columns rather than adding
 * new ones, whatever process commits it and however late.
 *
 * @param number the template's version, from 1
 * @param renamedFrom current column name → its earlier names, oldest first
 */
public record TemplateVersion(int number, Map<String, List<String>> renamedFrom) {

    /** Files written before templates had versions, and templates never changed. */
    public static final TemplateVersion FIRST = new TemplateVersion(1, Map.of());

    static final String VERSION_KEY = "marsad.template_version";
    static final String RENAMED_KEY = "marsad.renamed_from";

    public TemplateVersion {
        if (number < 1) {
            throw new IllegalArgumentException("template version " + number + " is not a whole number from 1 up");
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        renamedFrom.forEach((column, earlier) -> copy.put(column, List.copyOf(earlier)));
        renamedFrom = java.util.Collections.unmodifiableMap(copy);
    }

    /** The footer entries: {@code marsad.renamed_from} as {@code new=old1|old2;other=old3} (column names need no escape). */
    Map<String, String> footerMetadata() {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(VERSION_KEY, Integer.toString(number));
        if (!renamedFrom.isEmpty()) {
            List<String> renames = new ArrayList<>();
            renamedFrom.forEach((column, earlier) -> renames.add(column + "=" + String.join("|", earlier)));
            metadata.put(RENAMED_KEY, String.join(";", renames));
        }
        return metadata;
    }

    /** The version a file's footer names; {@link #FIRST} for a file written before versions. */
    static TemplateVersion fromFooter(Map<String, String> metadata) {
        String number = metadata.get(VERSION_KEY);
        if (number == null) {
            return FIRST;
        }
        Map<String, List<String>> renamed = new LinkedHashMap<>();
        String renames = metadata.get(RENAMED_KEY);
        if (renames != null && !renames.isEmpty()) {
            for (String rename : renames.split(";")) {
                int equals = rename.indexOf('=');
                renamed.put(
                        rename.substring(0, equals),
                        Arrays.asList(rename.substring(equals + 1).split("\\|")));
            }
        }
        return new TemplateVersion(Integer.parseInt(number), renamed);
    }
}
