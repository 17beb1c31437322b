package ma.marsad.pipeline.lake;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Set;
import ma.marsad.pipeline.template.ColumnType;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes rows of plain Java values to one Parquet file through the Hadoop FileSystem API, with a {@link WriteSupport}
 * that hands primitives straight to parquet-java (no Avro or Group objects in between).
 *
 * <p>Physical types: strings as BINARY/STRING, BIGINT as INT64, INTEGER as INT32, DOUBLE, DATE as INT32/DATE, local
 * date-times as INT64/TIMESTAMP(MICROS, not adjusted to UTC). ZSTD, dictionary encoding and statistics on; row groups
 * capped at one million rows so readers can split the file across cores. Date-times and the columns declared distinct
 * are written without a dictionary, and distinct text columns without min/max statistics.
 */
public final class ParquetTableWriter implements Closeable {

    static final int ROW_GROUP_ROW_LIMIT = 1_000_000;

    private final ParquetWriter<Object[]> writer;

    private ParquetTableWriter(ParquetWriter<Object[]> writer) {
        this.writer = writer;
    }

    /** Opens a new file, replacing any leftover at that path (a temporary name that a crash may have left). */
    public static ParquetTableWriter create(Path file, List<LakeColumn> columns, Configuration conf)
            throws IOException {
        return create(file, columns, conf, Set.of());
    }

    /**
     * Opens a new file whose {@code distinctColumns} hold a different value on (nearly) every row, such as a key or a
     * source row number: they are written without a dictionary, which could only fill up and be dropped.
     */
    public static ParquetTableWriter create(
            Path file, List<LakeColumn> columns, Configuration conf, Set<String> distinctColumns) throws IOException {
        MessageType schema = schemaOf(columns);
        Builder builder = new Builder(HadoopOutputFile.fromPath(file, conf), schema, columns)
                .withConf(conf)
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.ZSTD)
                .withDictionaryEncoding(true)
                .withStatisticsEnabled(true)
                // level histograms and byte counts per page: optional metadata no reader of ours uses, costly to keep
                .withSizeStatisticsEnabled(false)
                .withRowGroupRowCountLimit(ROW_GROUP_ROW_LIMIT)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0);
        for (LakeColumn column : columns) {
            builder = builder.withDictionaryEncoding(column.name(), usesDictionary(column, distinctColumns))
                    .withStatisticsEnabled(column.name(), keepsStatistics(column, distinctColumns, Set.of()));
        }
        return new ParquetTableWriter(builder.build());
    }

    /**
     * The settings of {@link #create(Path, List, Configuration, Set)}, for writers that drive parquet-java's column
     * writers themselves ({@link StagingParquetWriter}), with no statistics for {@code constantColumns}, which hold one
     * value per file.
     */
    static ParquetProperties properties(
            List<LakeColumn> columns, Set<String> distinctColumns, Set<String> constantColumns) {
        ParquetProperties.Builder builder = ParquetProperties.builder()
                .withDictionaryEncoding(true)
                .withStatisticsEnabled(true)
                .withSizeStatisticsEnabled(false)
                .withRowGroupRowCountLimit(ROW_GROUP_ROW_LIMIT)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_1_0);
        for (LakeColumn column : columns) {
            builder.withDictionaryEncoding(column.name(), usesDictionary(column, distinctColumns))
                    .withStatisticsEnabled(column.name(), keepsStatistics(column, distinctColumns, constantColumns));
        }
        return builder.build();
    }

    /** Writes one row; values aligned with the columns, typed as {@link ma.marsad.pipeline.template.ColumnType} says. */
    public void write(Object[] row) throws IOException {
        writer.write(row);
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }

    /**
     * No dictionary for date-times (second-resolution times of a large file overflow the dictionary page and fall
     * back to plain anyway, after a hash lookup per value; plain INT64 times compress as well under ZSTD) nor for
     * columns with a new value on every row, where it could only fill up and be dropped.
     */
    private static boolean usesDictionary(LakeColumn column, Set<String> distinctColumns) {
        return column.type() != ColumnType.DATETIME && !distinctColumns.contains(column.name());
    }

    /**
     * No min/max for distinct text columns (two byte comparisons per value, and nothing filters on ranges of ids) nor
     * for columns with one value per file, already in the file's path and the registry.
     */
    private static boolean keepsStatistics(
            LakeColumn column, Set<String> distinctColumns, Set<String> constantColumns) {
        return !(distinctColumns.contains(column.name()) && isText(column)) && !constantColumns.contains(column.name());
    }

    private static boolean isText(LakeColumn column) {
        return switch (column.type()) {
            case TEXT, ENUM, REGION, QUARTER -> true;
            default -> false;
        };
    }

    static MessageType schemaOf(List<LakeColumn> columns) {
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (LakeColumn column : columns) {
            Type.Repetition repetition = column.required() ? Type.Repetition.REQUIRED : Type.Repetition.OPTIONAL;
            message.addField(primitiveOf(column, repetition));
        }
        return message.named("marsad_row");
    }

    private static Type primitiveOf(LakeColumn column, Type.Repetition repetition) {
        return switch (column.type()) {
            case TEXT, ENUM, REGION, QUARTER ->
                Types.primitive(PrimitiveTypeName.BINARY, repetition)
                        .as(LogicalTypeAnnotation.stringType())
                        .named(column.name());
            case INTEGER -> Types.primitive(PrimitiveTypeName.INT64, repetition).named(column.name());
            case YEAR -> Types.primitive(PrimitiveTypeName.INT32, repetition).named(column.name());
            case DECIMAL ->
                Types.primitive(PrimitiveTypeName.DOUBLE, repetition).named(column.name());
            case DATE ->
                Types.primitive(PrimitiveTypeName.INT32, repetition)
                        .as(LogicalTypeAnnotation.dateType())
                        .named(column.name());
            case DATETIME ->
                Types.primitive(PrimitiveTypeName.INT64, repetition)
                        .as(LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS))
                        .named(column.name());
        };
    }

    private static final class Builder extends ParquetWriter.Builder<Object[], Builder> {
        private final MessageType schema;
        private final List<LakeColumn> columns;

        Builder(HadoopOutputFile file, MessageType schema, List<LakeColumn> columns) {
            super(file);
            this.schema = schema;
            this.columns = columns;
        }

        @Override
        protected Builder self() {
            return this;
        }

        @Override
        protected WriteSupport<Object[]> getWriteSupport(Configuration conf) {
            return new RowWriteSupport(schema, columns);
        }
    }

    private static final class RowWriteSupport extends WriteSupport<Object[]> {
        private final MessageType schema;
        private final LakeColumn[] columns;
        private final BinaryCache[] binaries;
        private RecordConsumer consumer;

        RowWriteSupport(MessageType schema, List<LakeColumn> columns) {
            this.schema = schema;
            this.columns = columns.toArray(LakeColumn[]::new);
            this.binaries = new BinaryCache[this.columns.length];
            for (int i = 0; i < binaries.length; i++) {
                binaries[i] = new BinaryCache();
            }
        }

        @Override
        public WriteContext init(Configuration configuration) {
            HashMap<String, String> metadata = new HashMap<>();
            metadata.put("writer", "marsad");
            return new WriteContext(schema, metadata);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.consumer = recordConsumer;
        }

        @Override
        public void write(Object[] row) {
            consumer.startMessage();
            for (int i = 0; i < columns.length; i++) {
                Object value = row[i];
                if (value == null) {
                    if (columns[i].required()) {
                        throw new IllegalArgumentException(
                                "column " + columns[i].name() + " is required but the row has no value");
                    }
                    continue;
                }
                consumer.startField(columns[i].name(), i);
                writeValue(i, value);
                consumer.endField(columns[i].name(), i);
            }
            consumer.endMessage();
        }

        private void writeValue(int index, Object value) {
            switch (columns[index].type()) {
                case TEXT, ENUM, REGION, QUARTER -> consumer.addBinary(binaries[index].of((String) value));
                case INTEGER -> consumer.addLong(((Number) value).longValue());
                case YEAR -> consumer.addInteger(((Number) value).intValue());
                case DECIMAL -> consumer.addDouble(((Number) value).doubleValue());
                case DATE -> consumer.addInteger((int) ((LocalDate) value).toEpochDay());
                case DATETIME -> consumer.addLong(epochMicros((LocalDateTime) value));
            }
        }

        private static long epochMicros(LocalDateTime value) {
            return value.toEpochSecond(ZoneOffset.UTC) * 1_000_000L + value.getNano() / 1_000;
        }
    }

    /**
     * The UTF-8 {@link Binary} of a column's recent strings. Encoding every value again was a quarter of the writer's
     * time, while most text columns hold a few values (codes, enums, the period, the submitter). A column that turns
     * out to have more than {@value #MAX_ENTRIES} distinct values (ids, lineage references) stops caching, so it pays
     * one failed lookup per value for its first rows only. A Binary made from a String is immutable, and Parquet copies
     * what it keeps (dictionary entries, statistics), so one instance may be written many times.
     */
    private static final class BinaryCache {
        private static final int MAX_ENTRIES = 256;
        private HashMap<String, Binary> entries = new HashMap<>();

        Binary of(String value) {
            if (entries == null) {
                return encode(value);
            }
            Binary binary = entries.get(value);
            if (binary == null) {
                binary = encode(value);
                if (entries.size() < MAX_ENTRIES) {
                    entries.put(value, binary);
                } else {
                    entries = null;
                }
            }
            return binary;
        }

        /**
         * An array-backed Binary: {@code String.getBytes} copies ASCII text in one step, and statistics compare arrays
         * faster than the buffers {@code Binary.fromString} makes. The array is never changed afterwards.
         */
        private static Binary encode(String value) {
            return Binary.fromConstantByteArray(value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
