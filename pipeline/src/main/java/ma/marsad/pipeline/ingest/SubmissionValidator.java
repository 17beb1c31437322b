package ma.marsad.pipeline.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.lake.StagingRows;
import ma.marsad.pipeline.quality.HeaderMatcher;
import ma.marsad.pipeline.quality.HeaderMatcher.HeaderMatch;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ColumnSpec;
import ma.marsad.pipeline.template.CrossColumnRule;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validates one submission (one file, or the parts of one file in order) against its template, streaming: headers are
 * matched, every row is typed and checked, the first problem of a row quarantines it, the file's period is read from
 * its period columns, and keys are checked among the rows that pass.
 *
 * <p>Bad input never throws: it becomes a {@link ValidationOutcome} with a reason code. Only a failure of the storage
 * itself ({@link UncheckedIOException}) escapes.
 *
 * <p>Key uniqueness fits files of millions of rows in little memory: each key is remembered as a 64-bit hash with a
 * 64-bit hash of its whole row and its row number ({@link KeyHashIndex}). Equal key and row hashes are an exact
 * duplicate ({@code DUPLICATE_ROW}; a false match would need two independent 64-bit collisions at once). Equal key
 * hashes with different row hashes are confirmed before the file is rejected: the earlier row is read again from the
 * file and the two keys compared as text; two different keys with the same hash are from then on compared by their
 * exact text in a small map.
 */
public final class SubmissionValidator {

    /** CSV rows read before the key index is sized from the bytes they took and the size of the submission. */
    private static final int ROWS_BEFORE_ESTIMATE = 65_536;

    /** Row errors kept in an outcome; the counts stay exact beyond it. */
    public static final int MAX_ROW_ERRORS = 1000;

    private static final Logger LOG = LoggerFactory.getLogger(SubmissionValidator.class);

    private final TemplateCatalog catalog;
    private final ReportReaderFactory readers;

    public SubmissionValidator(TemplateCatalog catalog, ReportReaderFactory readers) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.readers = Objects.requireNonNull(readers, "readers");
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

    /** The format of a file from its extension: csv, xlsx, or json (also .ndjson and .jsonl). */
    public static Optional<String> formatOf(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".csv")) {
            return Optional.of("csv");
        }
        if (name.endsWith(".xlsx")) {
            return Optional.of("xlsx");
        }
        if (name.endsWith(".json") || name.endsWith(".ndjson") || name.endsWith(".jsonl")) {
            return Optional.of("json");
        }
        return Optional.empty();
    }

    /** A file-level problem found while streaming; unwinds to {@link Run#execute()}. */
    private static final class Rejection extends Exception {
        final ReasonCode code;
        final Map<String, Object> arguments;
        final List<RowError> rowErrors;

        Rejection(ReasonCode code, Map<String, Object> arguments, List<RowError> rowErrors) {
            super(code.name(), null, false, false);
            this.code = code;
            this.arguments = arguments;
            this.rowErrors = rowErrors;
        }

        Rejection(ReasonCode code, Map<String, Object> arguments) {
            this(code, arguments, List.of());
        }
    }

    /** One call to a reader. */
    @FunctionalInterface
    private interface ReaderStep<T> {
        T run() throws FileRejectedException;
    }

    /** A part being read: its format, header and how its headers map to the contract's columns. */
    private record OpenPart(String format, List<String> header, int[] positions, List<Integer> blankPositions) {}

    /** A row read again to confirm a key conflict. */
    private record ReadAgain(RawRow raw, String keyText) {}

    /** The state of one validation. */
    private final class Run {
        private final TemplateContract contract;
        private final String submitter;
        private final List<Path> parts;
        private final RowSink sink;
        private final RowTyper typer;
        private final CsvFieldTyper csvFields;
        private final StagingRows accepted;
        private final ColumnBatch batch;
        private final List<ColumnSpec> columns;
        private final int[] keyColumns;
        private final int keyPrefixLength;
        private final long[] hashes = new long[2];
        private final RowPeriod rowPeriod;
        private final CrossColumnChecks rules;
        private final KeyHashIndex keys = new KeyHashIndex(1 << 16);
        private final Set<Long> collidedKeyHashes = new HashSet<>();
        private final Map<String, long[]> exactKeys = new HashMap<>();
        private final List<Integer> partOffsets = new ArrayList<>();
        private final List<RowError> rowErrors = new ArrayList<>();
        private final Map<String, ValidationOutcome.Warning> warnings = new LinkedHashMap<>();
        private final Map<ReasonCode, long[]> ruleWarnings = new LinkedHashMap<>();
        private long rowsRead;
        private long rowsAccepted;
        private long rowsQuarantined;
        private String period;
        // key and row hashes of the block's rows from pendingFrom on, whose keys are checked together
        private final long[] pendingKeyHashes = new long[StagingRows.DEFAULT_CAPACITY];
        private final long[] pendingRowHashes = new long[StagingRows.DEFAULT_CAPACITY];
        private int pendingFrom;
        private StagingRows aside;
        private long keyTouches;
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
            this.keyColumns =
                    contract.key().stream().mapToInt(contract::columnIndex).toArray();
            this.keyPrefixLength = RowHasher.keyPrefixLength(keyColumns);
            this.rowPeriod = new RowPeriod(contract);
            this.rules = new CrossColumnChecks(contract);
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
                return ValidationOutcome.rejected(
                        rejection.code, rejection.arguments, warningList(), rejection.rowErrors, false);
            } catch (OutOfMemoryError | StackOverflowError e) {
                return exhausted(e);
            }
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

        private int readPart(Path file, int offset) throws Rejection {
            String format = formatOf(file)
                    .filter(contract::accepts)
                    .orElseThrow(() -> new Rejection(
                            ReasonCode.UNSUPPORTED_FORMAT,
                            Map.of("extension", extension(file), "formats", String.join(", ", contract.formats()))));
            int lastRow = offset;
            try (ReportReader reader = open(file, format)) {
                OpenPart part = matchHeader(reader, format, true);
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
                for (ReportReader.ReaderWarning warning : reader.warnings()) {
                    warnings.putIfAbsent(
                            warning.code() + "|" + warning.detail(),
                            new ValidationOutcome.Warning(warning.code(), warningArguments(warning)));
                }
            }
            return lastRow;
        }

        private static Map<String, Object> warningArguments(ReportReader.ReaderWarning warning) {
            Map<String, Object> arguments = new LinkedHashMap<>(warning.arguments());
            arguments.putIfAbsent("detail", String.valueOf(warning.detail()));
            return arguments;
        }

        private ReportReader open(Path file, String format) throws Rejection {
            return reading(() -> readers.open(file, contract.readerSettings(submitter, format)));
        }

        /**
         * A reader's step, with the reader's own rejection and any unexpected failure of the reader turned into a
         * rejection of the file; a failure of the storage itself escapes.
         */
        private <T> T reading(ReaderStep<T> step) throws Rejection {
            try {
                return step.run();
            } catch (FileRejectedException e) {
                throw new Rejection(e.code(), e.arguments(), List.of());
            } catch (UncheckedIOException e) {
                throw e;
            } catch (RuntimeException e) {
                throw unreadable(e);
            }
        }

        /**
         * Types, checks and keeps a CSV record from the reader's buffer, for the common case of a row that passes;
         * false, having changed nothing, when the row needs the full validation (a refused value, a rule, the first
         * row's period). Its key is checked later with those of the rows around it ({@link #checkPendingKeys()}).
         */
        private boolean acceptPlainRecord(CsvReportReader csv, OpenPart part, int row) throws Rejection {
            if (period == null || csv.fieldCount() != part.header().size()) {
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
            if (!period.equals(rowPeriod.of(batch, at)) || !rules.allHold(batch, at)) {
                return false;
            }
            RowHasher.hashKeyAndRow(batch, at, keyColumns, keyPrefixLength, hashes);
            rowsRead++;
            pendingKeyHashes[at] = hashes[0];
            pendingRowHashes[at] = hashes[1];
            accepted.commit(row, line, null);
            if (accepted.isFull()) {
                flushAccepted();
            }
            return true;
        }

        /**
         * Checks the keys of the rows kept since the last check, in file order, exactly as {@link #checkKey} would have
         * one by one: the key index is far larger than the processor's caches, and touching the slots of a whole block
         * first lets their memory load in parallel. A key seen before is settled by {@link #checkKey} itself (duplicate,
         * conflict or hash collision), with the rows after it set aside and checked again after it.
         */
        private void checkPendingKeys() throws Rejection {
            while (pendingFrom < accepted.size()) {
                int end = accepted.size();
                long touched = 0;
                for (int i = pendingFrom; i < end; i++) {
                    touched ^= keys.touch(pendingKeyHashes[i]);
                }
                keyTouches += touched; // used, so the loads are not optimised away
                int i = pendingFrom;
                while (i < end
                        && (collidedKeyHashes.isEmpty() || !collidedKeyHashes.contains(pendingKeyHashes[i]))
                        && keys.findOrAdd(pendingKeyHashes[i], pendingRowHashes[i], accepted.rowNumber(i)) < 0) {
                    rowsAccepted++;
                    i++;
                }
                pendingFrom = i;
                if (i < end) {
                    settleKnownKey(i, end);
                }
            }
        }

        /** Settles row {@code at}, whose key hash is known, then puts the rows after it back to be checked. */
        private void settleKnownKey(int at, int end) throws Rejection {
            if (aside == null) {
                aside = accepted.newEmpty();
            }
            long[] asideHashes = new long[2 * (end - at - 1)];
            for (int i = at + 1; i < end; i++) {
                accepted.appendRowTo(i, aside);
                asideHashes[2 * (i - at - 1)] = pendingKeyHashes[i];
                asideHashes[2 * (i - at - 1) + 1] = pendingRowHashes[i];
            }
            accepted.truncate(at);
            String reference = accepted.reference(at);
            RawRow raw = new RawRow(accepted.rowNumber(at), accepted.line(at), List.of(), reference, null);
            checkKey(raw, raw.row(), at);
            int from = accepted.size();
            for (int i = 0; i < aside.size(); i++) {
                aside.appendRowTo(i, accepted);
                pendingKeyHashes[from + i] = asideHashes[2 * i];
                pendingRowHashes[from + i] = asideHashes[2 * i + 1];
            }
            aside.clear();
        }

        private RawRow next(ReportReader reader) throws Rejection {
            return reading(reader::next);
        }

        private Rejection unreadable(RuntimeException e) {
            LOG.warn("reader failed on a {} file: {}", contract.id(), e.toString());
            LOG.debug("reader failure", e);
            return new Rejection(
                    ReasonCode.UNREADABLE_FILE,
                    Map.of(
                            "detail",
                            e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
        }

        private OpenPart matchHeader(ReportReader reader, String format, boolean collectWarnings) throws Rejection {
            List<String> header = reading(reader::header);
            List<HeaderMatcher.ExpectedColumn> expected = columns.stream()
                    .map(c -> new HeaderMatcher.ExpectedColumn(c.name(), c.required(), c.headerAliases()))
                    .toList();
            HeaderMatch match;
            try {
                match = new HeaderMatcher(expected, format.equals("json")).match(header);
            } catch (InvalidValueException e) {
                throw new Rejection(e.code(), e.arguments(), List.of());
            }
            if (collectWarnings) {
                for (String unknown : match.unknownHeaders()) {
                    warnings.putIfAbsent(
                            ReasonCode.UNKNOWN_COLUMN.name() + "|" + unknown,
                            new ValidationOutcome.Warning(ReasonCode.UNKNOWN_COLUMN, Map.of("header", unknown)));
                }
            }
            return new OpenPart(format, header, match.positionByColumn(), match.blankHeaderPositions());
        }

        private void process(RawRow raw, OpenPart part, int row) throws Rejection {
            checkPendingKeys(); // whatever this row brings comes after the keys of the rows before it
            rowsRead++;
            checkBlankHeaders(raw, part);
            if (raw.rowError() != null) {
                quarantine(rowError(
                        raw,
                        row,
                        raw.rowRef(),
                        null,
                        null,
                        raw.rowError().code(),
                        raw.rowError().detail(),
                        Map.of()));
                return;
            }
            if (part.format().equals("csv")
                    && raw.cells().size() != part.header().size()) {
                quarantine(rowError(
                        raw,
                        row,
                        raw.rowRef(),
                        null,
                        null,
                        ReasonCode.FIELD_COUNT,
                        null,
                        Map.of(
                                "expected",
                                part.header().size(),
                                "actual",
                                raw.cells().size())));
                trackPeriodOfBadRow(raw, part, row);
                return;
            }
            Object[] values = new Object[columns.size()];
            for (int column = 0; column < values.length; column++) {
                RawCell cell = cellOf(raw, part, column);
                try {
                    values[column] = typer.type(column, cell);
                } catch (InvalidValueException e) {
                    quarantine(rowError(
                            raw,
                            row,
                            cellRef(raw, part, column, cell),
                            columns.get(column).name(),
                            headerOf(part, column),
                            e.code(),
                            rawValue(cell),
                            e.arguments()));
                    trackPeriodOfBadRow(raw, part, row);
                    return;
                }
            }
            int at = accepted.size();
            for (int column = 0; column < values.length; column++) {
                batch.set(column, at, values[column]);
            }
            trackPeriod(rowPeriod.of(batch, at), row);
            Optional<RowError> ruleError = checkRules(raw, part, row, at);
            if (ruleError.isPresent()) {
                quarantine(ruleError.get());
                return;
            }
            checkKey(raw, row, at);
        }

        private void checkBlankHeaders(RawRow raw, OpenPart part) throws Rejection {
            for (int position : part.blankPositions()) {
                if (position < raw.cells().size() && !raw.cells().get(position).isBlank()) {
                    RawCell cell = raw.cells().get(position);
                    throw new Rejection(
                            ReasonCode.BLANK_HEADER,
                            Map.of("position", position + 1, "cell", cell.ref() == null ? raw.rowRef() : cell.ref()));
                }
            }
        }

        private RawCell cellOf(RawRow raw, OpenPart part, int column) {
            int position = part.positions()[column];
            return position < 0 || position >= raw.cells().size()
                    ? null
                    : raw.cells().get(position);
        }

        private String headerOf(OpenPart part, int column) {
            int position = part.positions()[column];
            return position < 0 ? null : part.header().get(position);
        }

        private static String rawValue(RawCell cell) {
            if (cell == null) {
                return null;
            }
            if (cell.text() != null) {
                return cell.text();
            }
            Object typed = cell.typed();
            if (typed instanceof BigDecimal number) {
                return number.toPlainString();
            }
            return typed == null ? null : String.valueOf(typed);
        }

        /** The cell's own reference, or one built from the row's when the cell is absent. */
        private String cellRef(RawRow raw, OpenPart part, int column, RawCell cell) {
            if (cell != null && cell.ref() != null) {
                return cell.ref();
            }
            int position = part.positions()[column];
            String rowRef = raw.rowRef() == null ? "" : raw.rowRef();
            return switch (part.format()) {
                case "json" -> rowRef + "/" + columns.get(column).name();
                case "xlsx" -> {
                    int bang = rowRef.lastIndexOf('!');
                    String sheet = bang < 0 ? "" : rowRef.substring(0, bang + 1);
                    yield position < 0 ? rowRef : sheet + CellReferences.columnLetters(position) + raw.line();
                }
                default -> position < 0 ? "line " + raw.line() : "line " + raw.line() + ", column " + (position + 1);
            };
        }

        private void trackPeriodOfBadRow(RawRow raw, OpenPart part, int row) throws Rejection {
            Object[] values = new Object[columns.size()];
            for (int column : rowPeriod.columns()) {
                try {
                    values[column] = typer.type(column, cellOf(raw, part, column));
                } catch (InvalidValueException e) {
                    return;
                }
                if (values[column] == null) {
                    return;
                }
            }
            trackPeriod(rowPeriod.of(values), row);
        }

        private void trackPeriod(String rowPeriodKey, int row) throws Rejection {
            if (period == null) {
                period = rowPeriodKey;
            } else if (!period.equals(rowPeriodKey)) {
                throw new Rejection(
                        ReasonCode.MIXED_PERIODS, Map.of("first_period", period, "period", rowPeriodKey, "row", row));
            }
        }

        private Optional<RowError> checkRules(RawRow raw, OpenPart part, int row, int at) {
            for (int i = 0; i < rules.size(); i++) {
                if (rules.holds(i, batch, at)) {
                    continue;
                }
                CrossColumnRule rule = rules.rule(i);
                Object right = batch.get(rules.rightColumn(i), at);
                if (rule.isWarning()) {
                    long[] counts = ruleWarnings.computeIfAbsent(rule.warningCode(), k -> new long[] {0, row});
                    counts[0]++;
                    continue;
                }
                int column = rules.leftColumn(i);
                RawCell cell = cellOf(raw, part, column);
                Map<String, Object> arguments = new LinkedHashMap<>();
                arguments.put("rule", rule.text());
                arguments.put("other_column", rule.right());
                arguments.put("other_value", String.valueOf(right));
                return Optional.of(rowError(
                        raw,
                        row,
                        cellRef(raw, part, column, cell),
                        rule.left(),
                        headerOf(part, column),
                        ReasonCode.RULE_VIOLATION,
                        rawValue(cell),
                        arguments));
            }
            return Optional.empty();
        }

        private void checkKey(RawRow raw, int row, int at) throws Rejection {
            RowHasher.hashKeyAndRow(batch, at, keyColumns, keyPrefixLength, hashes);
            long keyHash = hashes[0];
            long rowHash = hashes[1];
            if (!collidedKeyHashes.isEmpty() && collidedKeyHashes.contains(keyHash)) {
                checkExactKey(raw, row, at, rowHash);
                return;
            }
            int slot = keys.findOrAdd(keyHash, rowHash, row);
            if (slot < 0) {
                accept(raw, row);
            } else if (keys.rowHashAt(slot) == rowHash) {
                duplicate(raw, row, keys.rowAt(slot));
            } else {
                ReadAgain earlier = readAgain(keys.rowAt(slot));
                String keyText = RowHasher.text(batch, at, keyColumns);
                if (earlier == null || keyText.equals(earlier.keyText())) {
                    throw keyConflict(earlier, raw, row, keyText, keys.rowAt(slot));
                }
                // two different keys with one 64-bit hash: compare this hash's keys by their text from now on
                collidedKeyHashes.add(keyHash);
                exactKeys.put(earlier.keyText(), new long[] {keys.rowHashAt(slot), keys.rowAt(slot)});
                exactKeys.put(keyText, new long[] {rowHash, row});
                accept(raw, row);
            }
        }

        private void checkExactKey(RawRow raw, int row, int at, long rowHash) throws Rejection {
            String keyText = RowHasher.text(batch, at, keyColumns);
            long[] seen = exactKeys.get(keyText);
            if (seen == null) {
                exactKeys.put(keyText, new long[] {rowHash, row});
                accept(raw, row);
            } else if (seen[0] == rowHash) {
                duplicate(raw, row, (int) seen[1]);
            } else {
                throw keyConflict(readAgain((int) seen[1]), raw, row, keyText, (int) seen[1]);
            }
        }

        private Rejection keyConflict(ReadAgain earlier, RawRow raw, int row, String keyText, int earlierRow) {
            String key = RowHasher.display(keyText);
            // second_row, because each row error's own "row" argument is the row it is about
            Map<String, Object> arguments = Map.of("key", key, "first_row", earlierRow, "row", row, "second_row", row);
            List<RowError> errors = new ArrayList<>();
            if (earlier != null) {
                errors.add(rowError(
                        earlier.raw(),
                        earlierRow,
                        earlier.raw().rowRef(),
                        keyName(),
                        null,
                        ReasonCode.KEY_CONFLICT,
                        key,
                        arguments));
            }
            errors.add(rowError(raw, row, raw.rowRef(), keyName(), null, ReasonCode.KEY_CONFLICT, key, arguments));
            return new Rejection(ReasonCode.KEY_CONFLICT, arguments, errors);
        }

        private String keyName() {
            return String.join(", ", contract.key());
        }

        private void duplicate(RawRow raw, int row, int firstRow) throws Rejection {
            quarantine(rowError(
                    raw, row, raw.rowRef(), null, null, ReasonCode.DUPLICATE_ROW, null, Map.of("first_row", firstRow)));
        }

        /** Reads the files again up to a data row, to compare its key exactly; null if it cannot be found. */
        private ReadAgain readAgain(int wantedRow) throws Rejection {
            for (int p = partOffsets.size() - 1; p >= 0; p--) {
                int offset = partOffsets.get(p);
                if (wantedRow <= offset) {
                    continue;
                }
                Path file = parts.get(p);
                String format = formatOf(file).orElseThrow();
                try (ReportReader reader = open(file, format)) {
                    OpenPart part = matchHeader(reader, format, false);
                    RawRow raw;
                    while ((raw = next(reader)) != null) {
                        if (offset + raw.row() == wantedRow) {
                            Object[] values = new Object[columns.size()];
                            for (int column : keyColumns) {
                                try {
                                    values[column] = typer.type(column, cellOf(raw, part, column));
                                } catch (InvalidValueException e) {
                                    return null;
                                }
                            }
                            return new ReadAgain(raw, RowHasher.text(values, keyColumns));
                        }
                    }
                }
                return null;
            }
            return null;
        }

        private void accept(RawRow raw, int row) throws Rejection {
            acceptTyped(row, raw.line(), raw.rowRef());
        }

        /** Keeps the batch row being filled; full batches go to the sink. */
        private void acceptTyped(int row, int line, String reference) throws Rejection {
            rowsAccepted++;
            accepted.commit(row, line, reference);
            pendingFrom = accepted.size();
            if (accepted.isFull()) {
                flushAccepted();
            }
        }

        private void flushAccepted() throws Rejection {
            checkPendingKeys();
            if (accepted.size() > 0) {
                sink.accepted(accepted, period);
                accepted.clear();
            }
            pendingFrom = 0;
        }

        private void quarantine(RowError error) throws Rejection {
            flushAccepted(); // the sink sees rows in file order
            rowsQuarantined++;
            if (rowErrors.size() < MAX_ROW_ERRORS) {
                rowErrors.add(error);
            }
            sink.quarantined(error);
        }

        private RowError rowError(
                RawRow raw,
                int row,
                String cell,
                String column,
                String header,
                ReasonCode code,
                String value,
                Map<String, Object> details) {
            Map<String, Object> arguments = new LinkedHashMap<>(details);
            arguments.put("row", row);
            arguments.put("line", raw.line());
            arguments.put("cell", cell == null ? "" : cell);
            if (column != null) {
                arguments.put("column", column);
            }
            if (header != null) {
                arguments.put("header", header);
            }
            if (value != null) {
                arguments.putIfAbsent("value", value);
            }
            return new RowError(row, raw.line(), cell, column, header, code, value, arguments);
        }

        private ValidationOutcome finish() throws Rejection {
            if (rowsRead == 0) {
                throw new Rejection(ReasonCode.NO_DATA, Map.of("detail", "0 data rows"));
            }
            if (period == null) {
                throw new Rejection(
                        ReasonCode.PERIOD_UNKNOWN,
                        Map.of(
                                "columns",
                                String.join(", ", contract.periodRule().columns())));
            }
            flushAccepted();
            if (rowsAccepted == 0) {
                return ValidationOutcome.rejected(
                        ReasonCode.NO_VALID_ROWS,
                        Map.of("rows", rowsRead),
                        warningList(),
                        rowErrors,
                        rowsQuarantined > rowErrors.size());
            }
            return new ValidationOutcome(
                    rowsQuarantined == 0
                            ? ValidationOutcome.Status.ACCEPTED
                            : ValidationOutcome.Status.ACCEPTED_WITH_QUARANTINE,
                    period,
                    rowsRead,
                    rowsAccepted,
                    rowsQuarantined,
                    null,
                    Map.of(),
                    warningList(),
                    List.copyOf(rowErrors),
                    rowsQuarantined > rowErrors.size());
        }

        private List<ValidationOutcome.Warning> warningList() {
            List<ValidationOutcome.Warning> list = new ArrayList<>(warnings.values());
            ruleWarnings.forEach((code, counts) ->
                    list.add(new ValidationOutcome.Warning(code, Map.of("count", counts[0], "row", (int) counts[1]))));
            return list;
        }
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0; // only the estimate of the key count depends on it; reading the file reports the problem
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(dot);
    }
}
