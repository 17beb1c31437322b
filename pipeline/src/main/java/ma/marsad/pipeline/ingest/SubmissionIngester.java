package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import ma.marsad.pipeline.lake.TemplateVersion;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import org.apache.hadoop.fs.Path;

/**
 * Ingests one submission into the lake: copies its landing bytes once (checking they did not change), validates every
 * row of that copy, writes accepted rows to a staging partition and row errors to quarantine, keeps the copy as the raw
 * bytes, then commits the submission to the lake's Iceberg tables and the registry. Until that commit nothing is
 * visible: a crash leaves at most files no table names, and a rerun ingests the submission again.
 */
public final class SubmissionIngester {

    private final Lake lake;
    private final SubmissionRegistry registry;
    private final TemplateCatalog catalog;
    private final SubmissionValidator validator;
    private final Messages messages;
    private final LandingIntake intake;

    public SubmissionIngester(
            Lake lake,
            SubmissionRegistry registry,
            TemplateCatalog catalog,
            SubmissionValidator validator,
            Messages messages) {
        this(
                lake,
                registry,
                catalog,
                validator,
                messages,
                new LandingIntake(LandingIntake.DEFAULT_CHUNK_BYTES, (part, bytes) -> {}));
    }

    SubmissionIngester(
            Lake lake,
            SubmissionRegistry registry,
            TemplateCatalog catalog,
            SubmissionValidator validator,
            Messages messages,
            LandingIntake intake) {
        this.lake = lake;
        this.registry = registry;
        this.catalog = catalog;
        this.validator = validator;
        this.messages = messages;
        this.intake = intake;
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

    /** The version the staging files of a template name, with its renamed columns. */
    public static TemplateVersion templateVersion(TemplateContract contract) {
        return new TemplateVersion(contract.version(), contract.renamedColumns());
    }

    /** Staging columns with a new value on every row: the source row and cell, and a one-column key. */
    static Set<String> distinctColumns(TemplateContract contract) {
        Set<String> distinct = new HashSet<>(Set.of("source_row", "source_cell"));
        if (contract.key().size() == 1) {
            distinct.add(contract.key().get(0));
        }
        return distinct;
    }

    /** Ingests the submission unless the registry already has these bytes; returns its record. */
    public SubmissionRecord ingest(LandingScanner.LandingSubmission submission, String submissionId)
            throws IOException {
        return ingestWithOutcome(submission, submissionId).record();
    }

    /**
     * The record and, when this call did the validation, its full outcome (row errors included) for the
     * submitter's feedback report; the outcome is null when the bytes were already known.
     */
    public record Result(SubmissionRecord record, ValidationOutcome outcome) {}

    public Result ingestWithOutcome(LandingScanner.LandingSubmission submission, String submissionId)
            throws IOException {
        var known = registry.find(submissionId);
        if (known.isPresent()) {
            return new Result(known.get(), null);
        }
        java.nio.file.Path intakeFolder = intakeFolder(submissionId);
        try {
            List<java.nio.file.Path> copies = intake.copy(submission, intakeFolder);
            // the copy is hashed on a second thread while its rows are read: nothing else writes it, so the id
            // is computed over exactly the bytes parsed
            CopyDigest digest = new CopyDigest(copies, submissionId);
            try {
                return validateAndCommit(submission, submissionId, copies, digest);
            } finally {
                digest.awaitQuietly();
            }
        } finally {
            deleteQuietly(intakeFolder);
        }
    }

    private java.nio.file.Path intakeFolder(String submissionId) throws IOException {
        if (lake.isLocal()) {
            // in the lake's own temporary folder, so the raw copy is kept by a rename
            return java.nio.file.Path.of(
                    lake.temporary("intake-" + submissionId).toUri());
        }
        return Files.createTempDirectory("marsad-intake-");
    }

    private Result validateAndCommit(
            LandingScanner.LandingSubmission submission,
            String submissionId,
            List<java.nio.file.Path> copies,
            CopyDigest digest)
            throws IOException {
        if (!catalog.isRegistered(submission.submitter())) {
            Map<String, Object> arguments =
                    Map.of("submitter", submission.submitter(), "detail", submission.submitter());
            return reject(
                    submission,
                    submissionId,
                    copies,
                    digest,
                    ValidationOutcome.rejected(ReasonCode.UNKNOWN_SUBMITTER, arguments));
        }
        TemplateContract contract = catalog.contract(submission.template());
        Path stagingTemporary = lake.temporary(submissionId + ".staging.parquet");
        Path quarantineTemporary = lake.temporary(submissionId + ".quarantine.parquet");
        ValidationOutcome outcome;
        try (LakeSink sink =
                new LakeSink(contract, submission.submitter(), submissionId, stagingTemporary, quarantineTemporary)) {
            outcome = validator.validate(contract, submission.submitter(), copies, submission.displayName(), sink);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } catch (RuntimeException | StackOverflowError e) {
            // a defect met by these bytes: the submission is refused with the cause, the night goes on
            outcome = failed(e);
        }
        if (outcome.status() == ValidationOutcome.Status.REJECTED) {
            lake.fileSystem().delete(stagingTemporary, false);
            lake.fileSystem().delete(quarantineTemporary, false);
            return reject(submission, submissionId, copies, digest, outcome);
        }
        digest.check(submission);
        Path staging = lake.staging(submission.template(), outcome.period(), submission.submitter(), submissionId);
        publishUnlessCommitted(stagingTemporary, staging);
        String quarantineFile = null;
        Long quarantineBytes = null;
        if (outcome.rowsQuarantined() > 0) {
            Path quarantine =
                    lake.quarantine(submission.template(), outcome.period(), submission.submitter(), submissionId);
            publishUnlessCommitted(quarantineTemporary, quarantine);
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
                null,
                null,
                lake.relative(staging).substring("staging/".length()),
                quarantineFile,
                lake.fileSystem().getFileStatus(staging).getLen(),
                quarantineBytes,
                submission.discoveredAt(),
                submission.discoveryOrder(),
                contract.version());
        keepRawBytes(submission, submissionId, copies);
        registry.commit(accepted);
        return new Result(accepted, outcome);
    }

    /**
     * Publishes a written file, unless an earlier attempt already published it: a file named by the submission's
     * digest holds the same rows, and a crash between the Iceberg commits of a submission leaves a table naming that
     * file with its size, which must stay true.
     */
    private void publishUnlessCommitted(Path temporary, Path target) throws IOException {
        if (lake.exists(target)) {
            lake.fileSystem().delete(temporary, false);
        } else {
            lake.publish(temporary, target);
        }
    }

    private Result reject(
            LandingScanner.LandingSubmission submission,
            String submissionId,
            List<java.nio.file.Path> copies,
            CopyDigest digest,
            ValidationOutcome outcome)
            throws IOException {
        digest.check(submission);
        SubmissionRecord rejected =
                rejected(submission, submissionId, outcome.fileErrorCode(), outcome.fileErrorArguments());
        keepRawBytes(submission, submissionId, copies);
        registry.commit(rejected);
        return new Result(rejected, outcome);
    }

    private static ValidationOutcome failed(Throwable failure) {
        return ValidationOutcome.rejected(ReasonCode.INGESTION_FAILED, Map.of("detail", String.valueOf(failure)));
    }

    /** The SHA-256 of the intake copies, computed on a thread of its own. */
    private static final class CopyDigest {
        private final String expected;
        private final Thread thread;
        private volatile String computed;
        private volatile IOException failure;

        CopyDigest(List<java.nio.file.Path> copies, String expected) {
            this.expected = expected;
            this.thread = new Thread(
                    () -> {
                        try {
                            computed = LandingIntake.submissionId(copies);
                        } catch (IOException e) {
                            failure = e;
                        }
                    },
                    "digest-" + expected);
            thread.setDaemon(true);
            thread.start();
        }

        /** Waits for the digest; bytes other than those discovery hashed defer the submission. */
        void check(LandingScanner.LandingSubmission submission) throws IOException {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while the submission was hashed");
            }
            if (failure != null) {
                throw failure;
            }
            if (!expected.equals(computed)) {
                throw new SubmissionDeferredException(
                        ReasonCode.LANDING_CHANGED,
                        LandingIntake.landingName(submission, submission.parts().get(0)),
                        "its bytes changed after discovery (SHA-256 " + computed + ", " + expected + " when found)",
                        null);
            }
        }

        /** Waits for the digest when the ingestion failed anyway, so that no reader outlives its copy. */
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

    /** Keeps the bytes that were read in the lake: a rename of the intake copy in a local lake, else a copy. */
    private void keepRawBytes(
            LandingScanner.LandingSubmission submission, String submissionId, List<java.nio.file.Path> copies)
            throws IOException {
        for (int i = 0; i < copies.size(); i++) {
            java.nio.file.Path copy = copies.get(i);
            String name = copy.getFileName().toString();
            int dot = name.lastIndexOf('.');
            String extension = dot < 0 ? "" : name.substring(dot);
            String rawName = copies.size() == 1
                    ? submissionId + extension
                    : submissionId + "." + (i + 1) + "of" + copies.size() + extension;
            Path raw = lake.raw(submission.template(), rawName);
            if (lake.isLocal()) {
                lake.publish(new Path(copy.toUri()), raw);
            } else {
                lake.copyIn(copy, raw);
            }
        }
    }

    private static void deleteQuietly(java.nio.file.Path folder) {
        try (var files = Files.list(folder)) {
            for (java.nio.file.Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // a leftover under the lake's _tmp/ is overwritten by the next attempt
        }
    }

    private SubmissionRecord rejected(
            LandingScanner.LandingSubmission submission,
            String submissionId,
            ReasonCode code,
            Map<String, Object> arguments) {
        Map<String, Object> values = arguments == null ? Map.of() : arguments;
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
                code.name(),
                messages.message(code, values, Language.FR),
                messages.message(code, values, Language.AR),
                messages.message(code, values, Language.EN),
                null,
                null,
                null,
                null,
                submission.discoveredAt(),
                submission.discoveryOrder(),
                // refused against the template's current version (none when no contract has the template's id)
                catalog.find(submission.template())
                        .map(TemplateContract::version)
                        .orElse(null));
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
                        submissionId,
                        templateVersion(contract));
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
        public void quarantined(RowError error, SubmittedCells cells) {
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
                    error.code().name(),
                    error.value(),
                    messages.message(error.code(), arguments, Language.FR),
                    messages.message(error.code(), arguments, Language.AR),
                    messages.message(error.code(), arguments, Language.EN),
                    SubmittedCells.json(cells.keyValues()),
                    SubmittedCells.json(cells.rawRow())
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
