package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.LakeColumn;
import ma.marsad.pipeline.lake.ParquetTableWriter;
import ma.marsad.pipeline.lake.QuarantineColumns;
import ma.marsad.pipeline.lake.StagingParquetWriter;
import ma.marsad.pipeline.lake.StagingRows;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import org.apache.hadoop.fs.Path;

/**
 * Ingests one submission into the lake: keeps its raw bytes, validates every row, writes accepted rows to a staging
 * partition and row errors to quarantine, then commits the submission in the registry. Until that commit nothing is
 * visible: a crash leaves at most temporary files, and a rerun ingests the submission again from scratch.
 */
public final class SubmissionIngester {

    private final Lake lake;
    private final SubmissionRegistry registry;
    private final TemplateCatalog catalog;
    private final SubmissionValidator validator;
    private final Messages messages;

    public SubmissionIngester(
            Lake lake,
            SubmissionRegistry registry,
            TemplateCatalog catalog,
            SubmissionValidator validator,
            Messages messages) {
        this.lake = lake;
        this.registry = registry;
        this.catalog = catalog;
        this.validator = validator;
        this.messages = messages;
    }

    /** The staging columns of a template: its own columns, then lineage. */
    public static List<LakeColumn> stagingColumns(TemplateContract contract) {
        return StagingParquetWriter.columns(templateColumns(contract));
    }

    private static List<LakeColumn> templateColumns(TemplateContract contract) {
        // required columns carry no definition levels in Parquet: less to encode per row
        return contract.columns().stream()
                .map(column -> new LakeColumn(column.name(), column.type(), column.required()))
                .toList();
    }

    /** Staging columns with a new value on every row: the source row and cell, and a one-column key. */
    static Set<String> distinctColumns(TemplateContract contract) {
        Set<String> distinct = new HashSet<>(Set.of("source_row", "source_cell"));
        if (contract.key().size() == 1) {
            distinct.add(contract.key().get(0));
        }
        return distinct;
    }

    /** Ingests the submission unless the registry already has these bytes; returns its registry entry. */
    public SubmissionRecord ingest(LandingScanner.LandingSubmission submission, String submissionId)
            throws IOException {
        return ingestWithOutcome(submission, submissionId).record();
    }

    /**
     * The registry entry and, when this call did the validation, its full outcome (row errors included) for the
     * submitter's feedback report; the outcome is null when the bytes were already known.
     */
    public record Result(SubmissionRecord record, ValidationOutcome outcome) {}

    public Result ingestWithOutcome(LandingScanner.LandingSubmission submission, String submissionId)
            throws IOException {
        var known = registry.find(submissionId);
        if (known.isPresent()) {
            return new Result(known.get(), null);
        }
        // the raw bytes are copied while the rows are read (a large file's copy then costs no time), and always
        // before the registry commits the submission
        RawCopy rawCopy = new RawCopy(submission, submissionId);
        try {
            return validateAndCommit(submission, submissionId, rawCopy);
        } finally {
            rawCopy.awaitQuietly();
        }
    }

    private Result validateAndCommit(LandingScanner.LandingSubmission submission, String submissionId, RawCopy rawCopy)
            throws IOException {
        if (!catalog.isRegistered(submission.submitter())) {
            rawCopy.await();
            Map<String, Object> arguments =
                    Map.of("submitter", submission.submitter(), "detail", submission.submitter());
            SubmissionRecord rejected = rejected(submission, submissionId, "UNKNOWN_SUBMITTER", arguments);
            registry.commit(rejected);
            return new Result(
                    rejected,
                    new ValidationOutcome(
                            ValidationOutcome.Status.REJECTED,
                            null,
                            0,
                            0,
                            0,
                            "UNKNOWN_SUBMITTER",
                            arguments,
                            List.of(),
                            List.of(),
                            false));
        }
        TemplateContract contract = catalog.contract(submission.template());
        Path stagingTemporary = lake.temporary(submissionId + ".staging.parquet");
        Path quarantineTemporary = lake.temporary(submissionId + ".quarantine.parquet");
        ValidationOutcome outcome;
        try (LakeSink sink =
                new LakeSink(contract, submission.submitter(), submissionId, stagingTemporary, quarantineTemporary)) {
            outcome = validator.validate(
                    contract, submission.submitter(), submission.parts(), submission.displayName(), sink);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (outcome.status() == ValidationOutcome.Status.REJECTED) {
            lake.fileSystem().delete(stagingTemporary, false);
            lake.fileSystem().delete(quarantineTemporary, false);
            SubmissionRecord rejected =
                    rejected(submission, submissionId, outcome.fileErrorCode(), outcome.fileErrorArguments());
            rawCopy.await();
            registry.commit(rejected);
            return new Result(rejected, outcome);
        }
        Path staging = lake.staging(submission.template(), outcome.period(), submission.submitter(), submissionId);
        lake.publish(stagingTemporary, staging);
        String quarantineFile = null;
        Long quarantineBytes = null;
        if (outcome.rowsQuarantined() > 0) {
            Path quarantine =
                    lake.quarantine(submission.template(), outcome.period(), submission.submitter(), submissionId);
            lake.publish(quarantineTemporary, quarantine);
            quarantineFile = lake.relative(quarantine);
            quarantineBytes = lake.fileSystem().getFileStatus(quarantine).getLen();
        } else {
            lake.fileSystem().delete(quarantineTemporary, false);
        }
        SubmissionRecord accepted = new SubmissionRecord(
                submissionId,
                submission.template(),
                submission.submitter(),
                fileNames(submission),
                submission.receivedAt(),
                outcome.status().label(),
                outcome.period(),
                outcome.rowsRead(),
                outcome.rowsAccepted(),
                outcome.rowsQuarantined(),
                null,
                null,
                lake.relative(staging).substring("staging/".length()),
                quarantineFile,
                lake.fileSystem().getFileStatus(staging).getLen(),
                quarantineBytes);
        rawCopy.await();
        registry.commit(accepted);
        return new Result(accepted, outcome);
    }

    /** The copy of a submission's raw bytes into the lake, on a thread of its own. */
    private final class RawCopy {
        private final Thread thread;
        private volatile Exception failure;

        RawCopy(LandingScanner.LandingSubmission submission, String submissionId) {
            this.thread = new Thread(
                    () -> {
                        try {
                            keepRawBytes(submission, submissionId);
                        } catch (IOException | RuntimeException e) {
                            failure = e;
                        }
                    },
                    "raw-copy-" + submissionId);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the copy; its failure is the submission's. */
        void await() throws IOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the raw file was copied into the lake");
            }
            if (failure instanceof IOException io) {
                throw io;
            }
            if (failure != null) {
                throw (RuntimeException) failure;
            }
        }

        /** Waits for the copy when the ingestion failed anyway, so that no copy outlives its ingestion. */
        void awaitQuietly() {
            boolean interrupted = false;
            while (thread.isAlive()) {
                try {
                    thread.join();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void keepRawBytes(LandingScanner.LandingSubmission submission, String submissionId) throws IOException {
        for (java.nio.file.Path part : submission.parts()) {
            String name = part.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot);
            String rawName = submission.parts().size() == 1
                    ? submissionId + extension
                    : submissionId + "." + (submission.parts().indexOf(part) + 1) + "of"
                            + submission.parts().size() + extension;
            lake.copyIn(part, lake.raw(submission.template(), rawName));
        }
    }

    private SubmissionRecord rejected(
            LandingScanner.LandingSubmission submission,
            String submissionId,
            String code,
            Map<String, Object> arguments) {
        return new SubmissionRecord(
                submissionId,
                submission.template(),
                submission.submitter(),
                fileNames(submission),
                submission.receivedAt(),
                "rejected",
                null,
                0,
                0,
                0,
                code,
                messages.message(code, arguments == null ? Map.of() : arguments, Language.FR),
                null,
                null);
    }

    private static List<String> fileNames(LandingScanner.LandingSubmission submission) {
        return submission.parts().stream()
                .map(part -> part.getFileName().toString())
                .toList();
    }

    /** Writes accepted rows with lineage to staging and row errors with their messages to quarantine. */
    private final class LakeSink implements RowSink, AutoCloseable {
        private final TemplateContract contract;
        private final String submitter;
        private final String submissionId;
        private final BackgroundParquetWriter staging;
        private final ParquetTableWriter quarantine;
        private String period;

        LakeSink(
                TemplateContract contract, String submitter, String submissionId, Path stagingFile, Path quarantineFile)
                throws IOException {
            this.contract = contract;
            this.submitter = submitter;
            this.submissionId = submissionId;
            this.quarantine =
                    ParquetTableWriter.create(quarantineFile, QuarantineColumns.COLUMNS, lake.configuration());
            // accepted rows are encoded on a second core; quarantined rows are few and written in line (the
            // writer's thread starts last, once nothing else here can fail)
            StagingParquetWriter stagingFileWriter;
            try {
                stagingFileWriter = StagingParquetWriter.create(
                        stagingFile,
                        templateColumns(contract),
                        lake.configuration(),
                        distinctColumns(contract),
                        submitter,
                        submissionId);
            } catch (IOException | RuntimeException e) {
                quarantine.close();
                throw e;
            }
            this.staging = new BackgroundParquetWriter(stagingFileWriter, submissionId);
        }

        @Override
        public void accepted(StagingRows rows, String periodKey) {
            this.period = periodKey;
            staging.write(rows, periodKey);
        }

        @Override
        public void quarantined(RowError error) {
            Map<String, Object> arguments = new HashMap<>(error.arguments());
            arguments.putIfAbsent("cell", error.cell());
            arguments.putIfAbsent("column", error.column());
            arguments.putIfAbsent("value", error.value());
            arguments.putIfAbsent("header", error.header());
            try {
                quarantine.write(new Object[] {
                    submissionId,
                    contract.id(),
                    submitter,
                    period,
                    (long) error.row(),
                    (long) error.line(),
                    error.cell(),
                    error.column(),
                    error.header(),
                    error.code(),
                    error.value(),
                    messages.message(error.code(), arguments, Language.FR),
                    messages.message(error.code(), arguments, Language.AR),
                    messages.message(error.code(), arguments, Language.EN)
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                staging.close();
            } finally {
                quarantine.close();
            }
        }
    }
}
