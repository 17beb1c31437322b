package ma.marsad.jobs.metrics;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict reader of the Prometheus text format (0.0.4) as node-exporter's textfile collector reads it: {@code # HELP}
 * and {@code # TYPE} lines, then samples {@code name{label="value",…} number}. Anything else is an error.
 */
public final class PrometheusText {

    private static final String NAME = "[a-zA-Z_:][a-zA-Z0-9_:]*";
    private static final Pattern HELP = Pattern.compile("# HELP (" + NAME + ") (.*)");
    private static final Pattern TYPE =
            Pattern.compile("# TYPE (" + NAME + ") (counter|gauge|summary|histogram|untyped)");
    private static final Pattern SAMPLE = Pattern.compile("(" + NAME + ")(\\{(.*)})? (\\S+)( -?[0-9]+)?");
    private static final Pattern LABEL =
            Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\\\n]|\\\\[\\\\\"n])*)\"");

    /** Samples keyed by {@code name{labels}} exactly as written, and the declared type of each metric family. */
    public record Parsed(Map<String, Double> samples, Map<String, String> types) {}

    private PrometheusText() {}

    public static Parsed parse(String text) {
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("the text must end with a newline");
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        Map<String, String> types = new HashMap<>();
        int number = 0;
        for (String line : List.of(text.split("\n"))) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                Matcher type = TYPE.matcher(line);
                if (type.matches()) {
                    if (types.put(type.group(1), type.group(2)) != null) {
                        throw new IllegalArgumentException("line " + number + ": second TYPE for " + type.group(1));
                    }
                } else if (!HELP.matcher(line).matches()) {
                    throw new IllegalArgumentException("line " + number + ": not HELP or TYPE: " + line);
                }
                continue;
            }
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches()) {
                throw new IllegalArgumentException("line " + number + ": not a sample: " + line);
            }
            if (sample.group(3) != null) {
                String rest = LABEL.matcher(sample.group(3)).replaceAll("");
                if (!rest.replace(",", "").isEmpty()) {
                    throw new IllegalArgumentException("line " + number + ": bad labels: " + sample.group(3));
                }
            }
            String value = sample.group(4);
            double parsed =
                    switch (value) {
                        case "+Inf" -> Double.POSITIVE_INFINITY;
                        case "-Inf" -> Double.NEGATIVE_INFINITY;
                        case "NaN" -> Double.NaN;
                        default -> Double.parseDouble(value);
                    };
            String key = sample.group(1) + (sample.group(2) == null ? "" : sample.group(2));
            if (samples.put(key, parsed) != null) {
                throw new IllegalArgumentException("line " + number + ": duplicate sample " + key);
            }
            String family = sample.group(1).replaceAll("_(total|count|sum|bucket|max)$", "");
            if (!types.containsKey(sample.group(1)) && !types.containsKey(family)) {
                throw new IllegalArgumentException("line " + number + ": sample without a TYPE: " + key);
            }
        }
        return new Parsed(samples, types);
    }
}
