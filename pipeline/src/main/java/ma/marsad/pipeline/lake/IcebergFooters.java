package ma.marsad.pipeline.lake;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.Metrics;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Conversions;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.Types;
import org.apache.parquet.column.statistics.Statistics;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;

/**
 * What Iceberg needs to know of a Parquet file Marsad wrote: its columns as an Iceberg schema and its metrics (row
 * count, sizes, value and null counts, bounds of numeric and date columns), read from the footer only.
 */
final class IcebergFooters {

    private IcebergFooters() {}

    static ParquetMetadata read(Path file, Configuration conf) throws IOException {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(file, conf))) {
            return reader.getFooter();
        }
    }

    /** The file's columns, in order, with ids from 1; a column without an Iceberg equivalent fails naming it. */
    static Schema schemaOf(MessageType parquet) {
        List<Types.NestedField> fields = new ArrayList<>();
        int id = 1;
        for (org.apache.parquet.schema.Type column : parquet.getFields()) {
            if (!column.isPrimitive()) {
                throw new IllegalArgumentException("lake column '" + column.getName() + "' is not a primitive column");
            }
            Type type = typeOf(column.asPrimitiveType());
            fields.add(
                    column.getRepetition() == org.apache.parquet.schema.Type.Repetition.REQUIRED
                            ? Types.NestedField.required(id++, column.getName(), type)
                            : Types.NestedField.optional(id++, column.getName(), type));
        }
        return new Schema(fields);
    }

    private static Type typeOf(PrimitiveType column) {
        LogicalTypeAnnotation logical = column.getLogicalTypeAnnotation();
        return switch (column.getPrimitiveTypeName()) {
            case BINARY -> {
                if (logical instanceof LogicalTypeAnnotation.StringLogicalTypeAnnotation) {
                    yield Types.StringType.get();
                }
                yield Types.BinaryType.get();
            }
            case INT64 -> {
                if (logical instanceof LogicalTypeAnnotation.TimestampLogicalTypeAnnotation timestamp
                        && timestamp.getUnit() == LogicalTypeAnnotation.TimeUnit.MICROS) {
                    yield timestamp.isAdjustedToUTC()
                            ? Types.TimestampType.withZone()
                            : Types.TimestampType.withoutZone();
                }
                if (logical == null) {
                    yield Types.LongType.get();
                }
                throw unsupported(column);
            }
            case INT32 -> {
                if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
                    yield Types.DateType.get();
                }
                if (logical == null) {
                    yield Types.IntegerType.get();
                }
                throw unsupported(column);
            }
            case DOUBLE -> Types.DoubleType.get();
            case FLOAT -> Types.FloatType.get();
            case BOOLEAN -> Types.BooleanType.get();
            default -> throw unsupported(column);
        };
    }

    private static IllegalArgumentException unsupported(PrimitiveType column) {
        return new IllegalArgumentException(
                "lake column '" + column.getName() + "' has a type Iceberg tables of the lake do not take: " + column);
    }

    /**
     * The file's metrics under the table's field ids (columns matched by name, as the name mapping does). Null counts
     * and bounds are given only where every row group kept statistics; text bounds are left out (optional, and Iceberg
     * truncates them by rules of its own).
     */
    static Metrics metrics(ParquetMetadata footer, Schema schema) {
        long rows = 0;
        Map<Integer, Long> sizes = new HashMap<>();
        Map<Integer, Long> values = new HashMap<>();
        Map<Integer, Long> nulls = new HashMap<>();
        Map<Integer, Object> lower = new HashMap<>();
        Map<Integer, Object> upper = new HashMap<>();
        Set<Integer> withoutStatistics = new HashSet<>();
        for (BlockMetaData block : footer.getBlocks()) {
            rows += block.getRowCount();
            for (ColumnChunkMetaData chunk : block.getColumns()) {
                Types.NestedField field = schema.findField(chunk.getPath().toDotString());
                if (field == null) {
                    continue;
                }
                int id = field.fieldId();
                sizes.merge(id, chunk.getTotalSize(), Long::sum);
                values.merge(id, chunk.getValueCount(), Long::sum);
                Statistics<?> statistics = chunk.getStatistics();
                if (statistics == null || statistics.isEmpty()) {
                    withoutStatistics.add(id);
                    continue;
                }
                nulls.merge(id, statistics.getNumNulls(), Long::sum);
                if (statistics.hasNonNullValue() && hasNumericBounds(field.type())) {
                    lower.merge(id, statistics.genericGetMin(), IcebergFooters::smaller);
                    upper.merge(id, statistics.genericGetMax(), IcebergFooters::larger);
                }
            }
        }
        withoutStatistics.forEach(id -> {
            nulls.remove(id);
            lower.remove(id);
            upper.remove(id);
        });
        return new Metrics(rows, sizes, values, nulls, null, bytesOf(schema, lower), bytesOf(schema, upper));
    }

    private static boolean hasNumericBounds(Type type) {
        return switch (type.typeId()) {
            case INTEGER, LONG, DATE, TIMESTAMP -> true;
            default -> false;
        };
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object smaller(Object a, Object b) {
        return ((Comparable) a).compareTo(b) <= 0 ? a : b;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object larger(Object a, Object b) {
        return ((Comparable) a).compareTo(b) >= 0 ? a : b;
    }

    private static Map<Integer, ByteBuffer> bytesOf(Schema schema, Map<Integer, Object> bounds) {
        Map<Integer, ByteBuffer> bytes = new HashMap<>();
        bounds.forEach((id, value) -> bytes.put(id, Conversions.toByteBuffer(schema.findType(id), value)));
        return bytes;
    }
}
