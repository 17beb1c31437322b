package ma.marsad.pipeline.template;

/**
 * The types a template column may declare, and how each is stored in the lake and the warehouse.
 *
 * <p>Validated values handed to writers are: TEXT, ENUM, REGION, QUARTER, SEMESTER as {@code String} (regions as
 * {@code 01}..{@code 12}, quarters as the period key {@code 2026-Q3}); INTEGER as {@code Long}; YEAR as {@code
 * Integer}; DECIMAL as {@code Double}; DATE as {@code java.time.LocalDate}; DATETIME as {@code
 * java.time.LocalDateTime} (local time, no zone).
 */
public enum ColumnType {
    TEXT("VARCHAR"),
    ENUM("VARCHAR"),
    REGION("VARCHAR"),
    QUARTER("VARCHAR"),
    INTEGER("BIGINT"),
    YEAR("INTEGER"),
    DECIMAL("DOUBLE"),
    DATE("DATE"),
    DATETIME("TIMESTAMP");

    private final String sqlType;

    ColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    /** The DuckDB type of the column in staging Parquet and in fact tables. */
    public String sqlType() {
        return sqlType;
    }
}
