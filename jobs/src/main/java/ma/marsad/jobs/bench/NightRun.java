package ma.marsad.jobs.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * What one nightly process did and cost: its run summary from {@code work/runs/} (step durations as the job
 * repository recorded them, files and rows), its wall time from start to exit, JVM start included, and its peak
 * resident memory.
 */
record NightRun(
        String label,
        int exitCode,
        double wallSeconds,
        long peakRssBytes,
        String status,
        String asOf,
        long filesIngested,
        long rowsLoaded,
        Map<String, Double> stepSeconds) {

    double stepSeconds(String step) {
        return stepSeconds.getOrDefault(step, 0.0);
    }

    double jobSeconds() {
        return stepSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
    }

    /** The newest run summary in {@code runsFolder}, with the process figures measured from outside. */
    static NightRun read(Path runsFolder, String label, int exitCode, double wallSeconds, long peakRssBytes)
            throws IOException {
        Path newest;
        try (Stream<Path> runs = Files.list(runsFolder)) {
            newest = runs.filter(file -> file.getFileName().toString().matches("run-\\d+\\.json"))
                    .max(Path::compareTo)
                    .orElseThrow(() -> new IllegalStateException("no run summary in " + runsFolder));
        }
        String status = null;
        String asOf = null;
        long files = 0;
        long rows = 0;
        Map<String, Double> steps = new LinkedHashMap<>();
        try (JsonParser json = new JsonFactory().createParser(newest.toFile())) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not a run summary: " + newest);
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                json.nextToken();
                switch (field) {
                    case "status" -> status = json.getValueAsString();
                    case "as_of" -> asOf = json.getValueAsString();
                    case "files_accepted", "files_with_quarantine", "files_rejected" -> files += json.getLongValue();
                    case "rows_loaded" -> rows = json.getLongValue();
                    case "step_seconds" -> {
                        while (json.nextToken() == JsonToken.FIELD_NAME) {
                            String step = json.currentName();
                            json.nextToken();
                            steps.put(shortName(step), json.getDoubleValue());
                        }
                    }
                    default -> json.skipChildren();
                }
            }
        }
        return new NightRun(label, exitCode, wallSeconds, peakRssBytes, status, asOf, files, rows, steps);
    }

    /** {@code discoverSubmissionsStep} → {@code discover}. */
    private static String shortName(String step) {
        int end = 0;
        while (end < step.length() && Character.isLowerCase(step.charAt(end))) {
            end++;
        }
        return step.substring(0, end);
    }
}
