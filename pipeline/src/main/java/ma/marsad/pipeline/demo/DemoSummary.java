package ma.marsad.pipeline.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import ma.marsad.pipeline.quality.ReasonCode;

/**
 * What {@link DemoLandingZone#generate} wrote: every submission file, and every problem planted on purpose with what
 * the nightly job is expected to do with it.
 *
 * @param seed the seed the landing zone was generated from
 * @param asOf the run date the landing zone was generated for
 * @param files every submission file written (markers, lock files and hidden files excluded), in writing order
 * @param plantedProblems the deliberately bad files and rows, in writing order
 */
public record DemoSummary(long seed, LocalDate asOf, List<WrittenFile> files, List<PlantedProblem> plantedProblems) {

    public DemoSummary {
        Objects.requireNonNull(asOf, "asOf");
        files = List.copyOf(files);
        plantedProblems = List.copyOf(plantedProblems);
    }

    /** The submission files grouped by template id (sorted), each list in writing order. */
    public Map<String, List<WrittenFile>> filesByTemplate() {
        Map<String, List<WrittenFile>> byTemplate = new TreeMap<>();
        for (WrittenFile file : files) {
            byTemplate
                    .computeIfAbsent(file.template(), key -> new java.util.ArrayList<>())
                    .add(file);
        }
        byTemplate.replaceAll((template, list) -> List.copyOf(list));
        return byTemplate;
    }

    /** Total number of data rows written over all submission files. */
    public long totalDataRows() {
        return files.stream().mapToLong(WrittenFile::dataRows).sum();
    }

    /**
     * One submission file.
     *
     * @param template template id (the first folder under {@code landing/})
     * @param submitter submitter code (the second folder)
     * @param relativePath path below the landing folder, with {@code /} separators
     * @param period the period key the file covers ({@code 2026-11-27}, {@code 2026-Q3}, {@code 2026-S1}, {@code
     *     2026}), as the pipeline should read it
     * @param dataRows data rows written (header, title rows and footer excluded; JSON: elements)
     * @param receivedAt the modification time of the file's {@code .done} marker if it has one, else of the file
     * @param doneMarker whether a {@code <file-name>.done} marker was written next to it
     */
    public record WrittenFile(
            String template,
            String submitter,
            String relativePath,
            String period,
            long dataRows,
            Instant receivedAt,
            boolean doneMarker) {

        public WrittenFile {
            Objects.requireNonNull(template, "template");
            Objects.requireNonNull(submitter, "submitter");
            Objects.requireNonNull(relativePath, "relativePath");
            Objects.requireNonNull(receivedAt, "receivedAt");
            if (dataRows < 0) {
                throw new IllegalArgumentException("dataRows must be >= 0, was " + dataRows + " for " + relativePath);
            }
        }
    }

    /**
     * A file or rows planted on purpose.
     *
     * @param relativePath path below the landing folder, with {@code /} separators
     * @param outcome what the nightly job should do with the file
     * @param reasonCode the file-level reason code expected (e.g. {@link ReasonCode#BAD_ENCODING}), or null when the file loads
     * @param rows the planted bad rows, empty for a file-level problem
     * @param explanation what was planted and why the outcome follows, in one sentence
     */
    public record PlantedProblem(
            String relativePath,
            ExpectedOutcome outcome,
            ReasonCode reasonCode,
            List<PlantedRow> rows,
            String explanation) {

        public PlantedProblem {
            Objects.requireNonNull(relativePath, "relativePath");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(explanation, "explanation");
            rows = List.copyOf(rows);
            if (outcome == ExpectedOutcome.ACCEPTED_WITH_QUARANTINE && rows.isEmpty()) {
                throw new IllegalArgumentException("a quarantine outcome needs the planted rows: " + relativePath);
            }
        }
    }

    /**
     * One bad row planted in an otherwise good file.
     *
     * @param row the 1-based data row number in the file
     * @param column the canonical column name holding the bad value
     * @param value the raw value as written
     * @param reasonCode the row error expected
     */
    public record PlantedRow(int row, String column, String value, ReasonCode reasonCode) {

        public PlantedRow {
            if (row < 1) {
                throw new IllegalArgumentException("row must be >= 1, was " + row);
            }
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(reasonCode, "reasonCode");
        }
    }

    /** What the nightly job should do with a planted file. */
    public enum ExpectedOutcome {
        /** The file loads; the planted rows go to quarantine with their reason codes. */
        ACCEPTED_WITH_QUARANTINE,
        /** The file loads completely and a warning is reported (e.g. budget executed above committed). */
        ACCEPTED_WITH_WARNING,
        /** The whole file is rejected with {@link PlantedProblem#reasonCode()}; earlier submissions stay current. */
        REJECTED,
        /** The file is not a submission: skipped and reported, never read. */
        SKIPPED,
        /** A later file for the same (template, submitter, period): it replaces the earlier one, kept as history. */
        REVISION
    }
}
