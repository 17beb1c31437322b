package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.lake.StagingRows;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ColumnSpec;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates one submission (one file, or the parts of one file in order) against its template, streaming: headers are
 * matched ({@link PartHeader}), every row is typed and checked, the first problem of a row quarantines it ({@link
 * RowErrors}), the file's period is read from its period columns ({@link FilePeriod}), and keys are checked among the
 * rows that pass ({@link KeyUniqueness}); {@link ValidationTally} counts and makes the outcome.
 *
 * <p>Bad input never throws: it becomes a {@link ValidationOutcome} with a reason code. Only a failure of the storage
 * itself ({@link UncheckedIOException}) escapes.
 */
public final class SubmissionValidator {

    /** CSV rows read before the key index is sized from the bytes they took and the size of the submission. */
    private static final int ROWS_BEFORE_ESTIMATE = 65_536;

    /** Row errors kept in an outcome; the counts stay exact beyond it. */
    public static final int MAX_ROW_ERRORS = ValidationTally.MAX_ROW_ERRORS;

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionValidator.class);

    private final TemplateCatalog catalog;
    private final ReportReaderFactory readers;
    private final KeyUniqueness.KeyHashFunction keyHashes;

    public SubmissionValidator(TemplateCatalog catalog, ReportReaderFactory readers) {
        this(catalog, readers, RowHasher::hashKeyAndRow);
    }

    /** A validator hashing keys with another function: tests give one whose hashes collide. */
    SubmissionValidator(TemplateCatalog catalog, ReportReaderFactory readers, KeyUniqueness.KeyHashFunction keyHashes) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.readers = Objects.requireNonNull(readers, "readers");
        this.keyHashes = Objects.requireNonNull(keyHashes, "keyHashes");
    }

    /**
     * Validates a submission and sends each row's outcome to the sink, in file order. What the sink received is to be
     * discarded when the outcome is rejected.
     *
     * @param partsInOrder the file, or its parts {@code .part1ofN} … {@code .partNofN}, each with its own header; row
     *     numbers continue across parts
     * @param displayName the name shown to people (the file as given), for logs
     */
    public ValidationOutcome validate(
            TemplateContract contract, String submitter, List<Path> partsInOrder, String displayName, RowSink sink) {
        Objects.requireNonNull(contract, "contract");
        Objects.requireNonNull(sink, "sink");
        if (partsInOrder == null || partsInOrder.isEmpty()) {
            throw new IllegalArgumentException("a submission has at least one file: " + displayName);
        }
        if (submitter == null || !catalog.isRegistered(submitter)) {
            return ValidationOutcome.rejected(
                    ReasonCode.UNKNOWN_SUBMITTER, Map.of("submitter", String.valueOf(submitter)));
        }
        ValidationOutcome outcome = new Run(contract, submitter, List.copyOf(partsInOrder), sink).execute();
        LOG.debug(
                "{} ({}, {}): {} rows read, {} accepted, {} quarantined{}",
                displayName,
                contract.id(),
                submitter,
                outcome.rowsRead(),
                outcome.rowsAccepted(),
                outcome.rowsQuarantined(),
                outcome.fileErrorCode() == null ? "" : ", rejected " + outcome.fileErrorCode());
        return outcome;
    }

    /** One call to a reader. */
    @FunctionalInterface
    private interface ReaderStep<T> {
        T run() throws FileRejectedException;
    }

    /** The state of one validation. */
    private final class Run {
        private final TemplateContract contract;
        private final String submitter;
        private final List<Path> parts;
        private final RowSink sink;
        private final RowTyper typer;
        private final CsvFieldTyper csvFields;
        // the accepted rows on their way to the sink, the last one being filled; rows held for their key check
        private final StagingRows accepted;
        private final ColumnBatch batch;
        private final List<ColumnSpec> columns;
        private final FilePeriod period;
        private final CrossColumnChecks rules;
        private final KeyUniqueness keys;
        private final List<String> columnNames;
        private final int[] keyColumns;
        private final ValidationTally tally = new ValidationTally();
        private final List<Integer> partOffsets = new ArrayList<>();
        // the rows of the block from here on are held: their keys are checked together
        private int heldFrom;
        private StagingRows aside;
        private long totalBytes;

        Run(TemplateContract contract, String submitter, List<Path> parts, RowSink sink) {
            this.contract = contract;
            this.submitter = submitter;
            this.parts = parts;
            this.sink = sink;
            this.typer = new RowTyper(contract);
            this.csvFields = new CsvFieldTyper(contract, typer);
            this.accepted = new StagingRows(
                    contract.columns().stream().map(ColumnSpec::type).toList(), StagingRows.DEFAULT_CAPACITY);
            this.batch = accepted.values();
            this.columns = contract.columns();
            this.period = new FilePeriod(contract, typer);
            this.rules = new CrossColumnChecks(contract);
            this.keys = new KeyUniqueness(contract, keyHashes, this::readAgain, StagingRows.DEFAULT_CAPACITY);
            this.columnNames = columns.stream().map(ColumnSpec::name).toList();
            this.keyColumns =
                    contract.key().stream().mapToInt(columnNames::indexOf).toArray();
        }

        ValidationOutcome execute() {
            totalBytes = parts.stream().mapToLong(SubmissionValidator::sizeOf).sum();
            try {
                int offset = 0;
                for (Path part : parts) {
                    partOffsets.add(offset);
                    offset = readPart(part, offset);
                }
                return finish();
            } catch (Rejection rejection) {
                return tally.rejected(rejection);
            } catch (OutOfMemoryError | StackOverflowError e) {
                return exhausted(e);
            }
        }

        private int readPart(Path file, int offset) throws Rejection {
            String format = ReportReaders.formatOf(file)
                    .filter(contract::accepts)
                    .orElseThrow(() -> new Rejection(
                            ReasonCode.UNSUPPORTED_FORMAT,
                            Map.of(
                                    "extension",
                                    ReportReaders.extension(file),
                                    "formats",
                                    String.join(", ", contract.formats()))));
            int lastRow = offset;
            try (ReportReader reader = open(file, format)) {
                PartHeader part = matchHeader(reader, format);
                tally.unknownHeaders(part.unknownHeaders());
                if (reader instanceof CsvReportReader csv
                        && part.blankPositions().isEmpty()) {
                    while (reading(csv::nextRecord)) {
                        lastRow = offset + csv.rowNumber();
                        if (csv.rowNumber() == ROWS_BEFORE_ESTIMATE) {
                            keys.reserve(ROWS_BEFORE_ESTIMATE * totalBytes / Math.max(1, csv.bytesRead()));
                        }
                        if (!acceptPlainRecord(csv, part, lastRow)) {
                            process(csv.currentRow(), part, lastRow);
                        }
                    }
                } else {
                    RawRow raw;
                    while ((raw = next(reader)) != null) {
                        lastRow = offset + raw.row();
                        process(raw, part, lastRow);
                    }
                }
                tally.readerWarnings(reader.warnings());
            }
            return lastRow;
        }

        private ReportReader open(Path file, String format) throws Rejection {
            return reading(() -> readers.open(file, contract.readerSettings(submitter, format)));
        }

        private PartHeader matchHeader(ReportReader reader, String format) throws Rejection {
            return PartHeader.match(reading(reader::header), columns, format);
        }

        private RawRow next(ReportReader reader) throws Rejection {
            return reading(reader::next);
        }

        /**
         * A reader's step, with the reader's own rejection and any unexpected failure of the reader turned into a
         * rejection of the file; a failure of the storage itself escapes.
         */
        private <T> T reading(ReaderStep<T> step) throws Rejection {
            try {
                return step.run();
            } catch (FileRejectedException e) {
                throw new Rejection(e.code(), e.arguments());
            } catch (UncheckedIOException e) {
                throw e;
            } catch (RuntimeException e) {
                LOG.warn("reader failed on a {} file: {}", contract.id(), e.toString());
                LOG.debug("reader failure", e);
                String detail = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
                throw new Rejection(ReasonCode.UNREADABLE_FILE, Map.of("detail", detail));
            }
        }

        /**
         * Types, checks and keeps a CSV record from the reader's buffer, for the common case of a row that passes;
         * false, having changed nothing, when the row needs the full validation (a refused value, a rule, the first
         * row's period). Its key is checked later with those of the rows around it ({@link #checkHeldKeys()}).
         */
        private boolean acceptPlainRecord(CsvReportReader csv, PartHeader part, int row) throws Rejection {
            if (!period.isKnown() || csv.fieldCount() != part.header().size()) {
                return false;
            }
            int at = accepted.size();
            char[] chars = csv.recordChars();
            int line = csv.recordLine();
            int[] positions = part.positions();
            for (int column = 0; column < positions.length; column++) {
                int position = positions[column];
                int start = position < 0 ? -1 : csv.fieldStart(position);
                int end = position < 0 ? -1 : csv.fieldEnd(position);
                if (!csvFields.type(column, chars, start, end, batch, at, line, position)) {
                    return false;
                }
            }
            if (!period.includes(batch, at) || !rules.allHold(batch, at)) {
                return false;
            }
            keys.hold(batch, at);
            tally.read();
            accepted.commit(row, line, null);
            if (accepted.isFull()) {
                flushAccepted();
            }
            return true;
        }

        /** Validates a row in full: its shape, then each value, its period, the rules, and last its key. */
        private void process(RawRow raw, PartHeader part, int row) throws Rejection {
            checkHeldKeys(); // whatever this row brings comes after the keys of the rows before it
            tally.read();
            part.checkBlankHeaders(raw);
            if (raw.rowError() != null) {
                quarantine(
                        RowErrors.ofRow(
                                raw, row, raw.rowError().code(), raw.rowError().detail(), Map.of()),
                        SubmittedCells.of(raw, part, keyColumns));
                return;
            }
            if (part.fieldCountDiffers(raw)) {
                Map<String, Object> counts = Map.of(
                        "expected", part.header().size(), "actual", raw.cells().size());
                quarantine(
                        RowErrors.ofRow(raw, row, ReasonCode.FIELD_COUNT, null, counts),
                        SubmittedCells.of(raw, part, keyColumns));
                period.trackRowSetAside(raw, part, row);
                return;
            }
            Object[] values = new Object[columns.size()];
            for (int column = 0; column < values.length; column++) {
                try {
                    values[column] = typer.type(column, part.cellOf(raw, column));
                } catch (InvalidValueException e) {
                    quarantine(
                            RowErrors.ofCell(raw, row, part, column, e.code(), e.arguments()),
                            SubmittedCells.of(raw, part, keyColumns));
                    period.trackRowSetAside(raw, part, row);
                    return;
                }
            }
            int at = accepted.size();
            for (int column = 0; column < values.length; column++) {
                batch.set(column, at, values[column]);
            }
            period.track(batch, at, row);
            Optional<RowError> ruleError = rules.firstViolation(raw, row, part, batch, at, tally);
            if (ruleError.isPresent()) {
                quarantine(ruleError.get(), SubmittedCells.of(raw, part, keyColumns));
                return;
            }
            checkKey(raw, part, row, at);
        }

        /**
         * Keeps the row being filled when its key is new, quarantines it when it repeats an earlier row.
         *
         * @param part the row's header, or null for a row held without its cells
         */
        private void checkKey(RawRow raw, PartHeader part, int row, int at) throws Rejection {
            OptionalInt firstRow = keys.check(raw, row, batch, at);
            if (firstRow.isEmpty()) {
                acceptTyped(row, raw.line(), raw.rowRef());
            } else {
                SubmittedCells cells = part == null
                        ? SubmittedCells.ofTyped(batch, at, columnNames, keyColumns)
                        : SubmittedCells.of(raw, part, keyColumns);
                quarantine(
                        RowErrors.ofRow(
                                raw, row, ReasonCode.DUPLICATE_ROW, null, Map.of("first_row", firstRow.getAsInt())),
                        cells);
            }
        }

        /**
         * Checks the keys of the rows held since the last check, in file order, exactly as {@link #checkKey} would
         * have one by one. A key hash seen before is settled by {@link #checkKey} itself (duplicate, conflict or hash
         * collision), with the rows after it set aside and checked again after it.
         */
        private void checkHeldKeys() throws Rejection {
            while (heldFrom < accepted.size()) {
                int end = accepted.size();
                int known = keys.addHeld(accepted, heldFrom, end);
                tally.accepted(known - heldFrom);
                heldFrom = known;
                if (known < end) {
                    settleKnownKey(known, end);
                }
            }
        }

        /** Settles the held row {@code at}, whose key hash is known, then holds the rows after it again. */
        private void settleKnownKey(int at, int end) throws Rejection {
            if (aside == null) {
                aside = accepted.newEmpty();
            }
            for (int i = at + 1; i < end; i++) {
                accepted.appendRowTo(i, aside);
            }
            accepted.truncate(at);
            RawRow raw = new RawRow(accepted.rowNumber(at), accepted.line(at), List.of(), accepted.reference(at), null);
            checkKey(raw, null, raw.row(), at);
            // checking that row neither hashed nor held another, so the hashes after it are still in place
            int from = accepted.size();
            keys.moveHeld(at + 1, from, aside.size());
            for (int i = 0; i < aside.size(); i++) {
                aside.appendRowTo(i, accepted);
            }
            aside.clear();
        }

        /** Keeps the batch row being filled; full batches go to the sink. */
        private void acceptTyped(int row, int line, String reference) throws Rejection {
            tally.accepted(1);
            accepted.commit(row, line, reference);
            heldFrom = accepted.size();
            if (accepted.isFull()) {
                flushAccepted();
            }
        }

        private void flushAccepted() throws Rejection {
            checkHeldKeys();
            if (accepted.size() > 0) {
                sink.accepted(accepted, period.key()); // rows are accepted once their period is known
                accepted.clear();
            }
            heldFrom = 0;
        }

        private void quarantine(RowError error, SubmittedCells cells) throws Rejection {
            flushAccepted(); // the sink sees rows in file order
            tally.quarantined(error);
            sink.quarantined(error, cells);
        }

        private ValidationOutcome finish() throws Rejection {
            if (tally.rowsRead() == 0) {
                throw new Rejection(ReasonCode.NO_DATA, Map.of("detail", "0 data rows"));
            }
            String filePeriod = period.require();
            flushAccepted();
            return tally.outcome(filePeriod);
        }

        /** Reads the files again up to a data row, to compare its key exactly; null if it cannot be found. */
        private KeyUniqueness.KeyedRow readAgain(int wantedRow, int[] keyColumns) throws Rejection {
            for (int p = partOffsets.size() - 1; p >= 0; p--) {
                int offset = partOffsets.get(p);
                if (wantedRow <= offset) {
                    continue;
                }
                Path file = parts.get(p);
                String format = ReportReaders.formatOf(file).orElseThrow();
                try (ReportReader reader = open(file, format)) {
                    PartHeader part = matchHeader(reader, format);
                    RawRow raw;
                    while ((raw = next(reader)) != null) {
                        if (offset + raw.row() == wantedRow) {
                            Object[] values = new Object[columns.size()];
                            for (int column : keyColumns) {
                                try {
                                    values[column] = typer.type(column, part.cellOf(raw, column));
                                } catch (InvalidValueException e) {
                                    return null;
                                }
                            }
                            return new KeyUniqueness.KeyedRow(raw, RowHasher.text(values, keyColumns));
                        }
                    }
                }
                return null;
            }
            return null;
        }

        /**
         * The last resort when a file passed every reader cap and still exhausted the heap or the stack: only this
         * submission is refused. It is safe to go on because what filled the heap (the reader, its buffers, the key
         * index, the rows kept) is reachable from this run alone and is dropped with it, the reader having been closed
         * as the error unwound; the caller discards what the sink received for a rejected outcome.
         */
        private ValidationOutcome exhausted(VirtualMachineError e) {
            LOG.warn("{} file set aside, its reading exhausted the JVM: {}", contract.id(), e.toString());
            return ValidationOutcome.rejected(ReasonCode.TOO_COMPLEX, Map.of("detail", e.toString()));
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // only the estimate of the key count depends on it; reading the file reports the problem
        }
    }
}
