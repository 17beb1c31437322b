package ma.marsad.pipeline.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Binds the headers of a file to a template's columns, after {@link HeaderNormalizer normalisation}, by canonical name
 * or alias (JSON: exact field names, no aliases).
 *
 * <p>Two headers that match one column reject the file ({@code DUPLICATE_HEADER}); so does a missing required column
 * ({@code MISSING_COLUMN}). An unknown header is a warning. A blank header is accepted here and its position returned
 * in {@link HeaderMatch#blankHeaderPositions()}: it rejects the file ({@code BLANK_HEADER}) only when a data row has a
 * value under it, which the caller sees while streaming the rows. This keeps the spec's rule exact (empty trailing
 * columns left by spreadsheet programs are harmless) without reading the file twice.
 */
public final class HeaderMatcher {

    /** A column a template expects. */
    public record ExpectedColumn(String name, boolean required, List<String> aliases) {
        public ExpectedColumn {
            aliases = List.copyOf(aliases);
        }
    }

    /**
     * How the file's headers map to the template's columns.
     *
     * @param positionByColumn for each expected column (in order), its 0-based position in the file, or -1 when absent
     * @param unknownHeaders headers matching no column, as submitted
     * @param blankHeaderPositions 0-based positions of blank headers
     */
    public record HeaderMatch(int[] positionByColumn, List<String> unknownHeaders, List<Integer> blankHeaderPositions) {
        public HeaderMatch {
            positionByColumn = positionByColumn.clone();
            unknownHeaders = List.copyOf(unknownHeaders);
            blankHeaderPositions = List.copyOf(blankHeaderPositions);
        }

        @Override
        public int[] positionByColumn() {
            return positionByColumn.clone();
        }
    }

    private final List<ExpectedColumn> columns;
    private final boolean exactNames;
    private final Map<String, Integer> columnByName = new HashMap<>();

    /**
     * @param exactNames true for JSON: field names match canonical names exactly, without normalisation or aliases
     * @throws IllegalArgumentException when two columns share a name or alias after normalisation
     */
    public HeaderMatcher(List<ExpectedColumn> columns, boolean exactNames) {
        this.columns = List.copyOf(columns);
        this.exactNames = exactNames;
        for (int i = 0; i < columns.size(); i++) {
            ExpectedColumn column = columns.get(i);
            register(column.name(), i);
            if (!exactNames) {
                for (String alias : column.aliases()) {
                    register(alias, i);
                }
            }
        }
    }

    private void register(String nameOrAlias, int column) {
        String key = exactNames ? nameOrAlias : HeaderNormalizer.normalize(nameOrAlias);
        Integer previous = columnByName.putIfAbsent(key, column);
        if (previous != null && previous != column) {
            throw new IllegalArgumentException("the header '" + nameOrAlias + "' (normalised '" + key
                    + "') would match both columns " + columns.get(previous).name() + " and "
                    + columns.get(column).name() + "; keep it on one column only");
        }
    }

    /** Matches the headers, or throws the file-level problem. */
    public HeaderMatch match(List<String> headers) throws InvalidValueException {
        int[] positions = new int[columns.size()];
        Arrays.fill(positions, -1);
        List<String> unknown = new ArrayList<>();
        List<Integer> blank = new ArrayList<>();
        for (int position = 0; position < headers.size(); position++) {
            String header = headers.get(position);
            String key = exactNames ? header : HeaderNormalizer.normalize(header);
            if (key == null || key.isBlank()) {
                blank.add(position);
                continue;
            }
            Integer column = columnByName.get(key);
            if (column == null) {
                unknown.add(header);
            } else if (positions[column] >= 0) {
                Map<String, Object> arguments = new LinkedHashMap<>();
                arguments.put("column", columns.get(column).name());
                arguments.put("header", header);
                arguments.put("first_header", headers.get(positions[column]));
                arguments.put("position", position + 1);
                throw new InvalidValueException(ReasonCode.DUPLICATE_HEADER, arguments);
            } else {
                positions[column] = position;
            }
        }
        for (int i = 0; i < columns.size(); i++) {
            ExpectedColumn column = columns.get(i);
            if (positions[i] < 0 && column.required()) {
                List<String> accepted = new ArrayList<>();
                accepted.add(column.name());
                if (!exactNames) {
                    accepted.addAll(column.aliases());
                }
                throw new InvalidValueException(
                        ReasonCode.MISSING_COLUMN,
                        Map.of(
                                "column", column.name(),
                                "accepted", String.join(", ", accepted),
                                "headers",
                                        String.join(
                                                ", ",
                                                headers.stream()
                                                        .map(String::valueOf)
                                                        .toList())));
            }
        }
        return new HeaderMatch(positions, unknown, blank);
    }
}
