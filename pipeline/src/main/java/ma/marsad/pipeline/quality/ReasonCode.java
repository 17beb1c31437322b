package ma.marsad.pipeline.quality;

import java.util.Optional;

/**
 * Every reason Marsad gives for refusing a file, quarantining a row or warning a submitter. The names are part of the
 * public interface: submitters, the {@code validate} command's JSON and the quarantine table use them.
 */
public enum ReasonCode {
    // file-level: the whole submission is rejected
    UNKNOWN_SUBMITTER(Severity.FILE),
    BAD_ENCODING(Severity.FILE),
    WRONG_ENCODING(Severity.FILE),
    DUPLICATE_HEADER(Severity.FILE),
    BLANK_HEADER(Severity.FILE),
    MISSING_COLUMN(Severity.FILE),
    UNCLOSED_QUOTE(Severity.FILE),
    NO_DATA(Severity.FILE),
    SHEET_MISSING(Severity.FILE),
    NOT_XLSX(Severity.FILE),
    UNSAFE_XML(Severity.FILE),
    ZIP_BOMB(Severity.FILE),
    NOT_JSON(Severity.FILE),
    JSON_TOO_DEEP(Severity.FILE),
    JSON_DUPLICATE_KEY(Severity.FILE),
    JSON_NUMBER_TOO_LONG(Severity.FILE),
    JSON_TRUNCATED(Severity.FILE),
    MIXED_PERIODS(Severity.FILE),
    PERIOD_UNKNOWN(Severity.FILE),
    NO_VALID_ROWS(Severity.FILE),
    KEY_CONFLICT(Severity.FILE),
    UNSUPPORTED_FORMAT(Severity.FILE),
    /** The file could not be read for a reason no other code describes (a defect in a reader, a corrupt part). */
    UNREADABLE_FILE(Severity.FILE),
    // reader caps (ReaderLimits): what one file may make the reader hold
    TOO_MANY_ROWS(Severity.FILE),
    TOO_MANY_COLUMNS(Severity.FILE),
    CELL_TOO_LONG(Severity.FILE),
    RECORD_TOO_LONG(Severity.FILE),
    TOO_MANY_SHARED_STRINGS(Severity.FILE),
    SHARED_STRINGS_TOO_LARGE(Severity.FILE),
    TOO_MANY_PARTS(Severity.FILE),
    PART_TOO_LARGE(Severity.FILE),
    TOO_MANY_MERGED_CELLS(Severity.FILE),
    /** Reading the file ran out of memory or stack despite the caps; only that submission is refused. */
    TOO_COMPLEX(Severity.FILE),
    /** A failure while the file was validated or stored that no reader turned into a reason (its bytes were read). */
    INGESTION_FAILED(Severity.FILE),
    /** The landing file could not be opened or read this night (permissions, I/O error): tried again next night. */
    LANDING_UNREADABLE(Severity.FILE),
    /** The landing file changed while it was read: nothing of it is loaded, the complete file is read next night. */
    LANDING_CHANGED(Severity.FILE),

    // row-level: the row goes to quarantine, the rest of the file loads
    FIELD_COUNT(Severity.ROW),
    REQUIRED(Severity.ROW),
    CONTROL_CHARACTER(Severity.ROW),
    TOO_LONG(Severity.ROW),
    AMBIGUOUS_NUMBER(Severity.ROW),
    UNIT_IN_VALUE(Severity.ROW),
    NOT_A_NUMBER(Severity.ROW),
    NOT_AN_INTEGER(Severity.ROW),
    OUT_OF_RANGE(Severity.ROW),
    TOO_MANY_DECIMALS(Severity.ROW),
    BAD_DATE(Severity.ROW),
    BAD_REGION(Severity.ROW),
    BAD_ENUM(Severity.ROW),
    PATTERN_MISMATCH(Severity.ROW),
    NOT_ARABIC(Severity.ROW),
    BAD_PERIOD(Severity.ROW),
    FORMULA_ERROR(Severity.ROW),
    FORMULA_NO_CACHED_VALUE(Severity.ROW),
    NOT_AN_OBJECT(Severity.ROW),
    NUMBER_AS_STRING(Severity.ROW),
    /** A value of a JSON type the column cannot hold (an array, an object, a boolean where a number is expected). */
    WRONG_TYPE(Severity.ROW),
    DUPLICATE_ROW(Severity.ROW),
    RULE_VIOLATION(Severity.ROW),

    // warnings: the file loads, the submitter is told
    UNKNOWN_COLUMN(Severity.WARNING),
    FOOTER_ROWS(Severity.WARNING),
    BUDGET_ABOVE_ENGAGED(Severity.WARNING);

    /** What a code does to the submission. */
    public enum Severity {
        FILE,
        ROW,
        WARNING
    }

    private final Severity severity;

    ReasonCode(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }

    /** The code with this exact name, if there is one. */
    public static Optional<ReasonCode> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
