package ma.marsad.pipeline.lake;

import java.io.Closeable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.ColumnWriteStore;
import org.apache.parquet.column.ColumnWriter;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.crypto.FileEncryptionProperties;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.ColumnChunkPageWriteStore;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.MessageType;

/**
 * Writes a submission's staging file column by column: each block of {@link StagingRows} goes to parquet-java's column
 * writers one column at a time (a tight loop of one type), without the record-assembly layer that a {@code
 * WriteSupport} goes through for every value. The file is the one {@link ParquetTableWriter} would write for the same
 * rows: the template's columns then the lineage columns, ZSTD, dictionaries and statistics as it decides (but for the
 * lineage columns that hold one value per file), row groups of at most {@value ParquetTableWriter#ROW_GROUP_ROW_LIMIT}
 * rows.
 */
public final class StagingParquetWriter implements Closeable {

    private static final long ROW_GROUP_BYTES = ParquetWriter.DEFAULT_BLOCK_SIZE;
    /** Lineage columns with one value per staging file. */
    private static final Set<String> CONSTANT_LINEAGE = Set.of("period", "submitter", "submission_id");

    private final ParquetFileWriter file;
    private final ParquetProperties properties;
    private final MessageType schema;
    private final List<ColumnDescriptor> descriptors;
    private final CodecFactory codecs;
    private final CodecFactory.BytesCompressor compressor;
    private final int templateWidth;
    private final Binary submitter;
    private final Binary submissionId;
    private final TemplateVersion templateVersion;
    private final byte[] reference = new byte[32];
    private Binary period;
    private String periodText;
    private ColumnChunkPageWriteStore pages;
    private ColumnWriteStore store;
    private ColumnWriter[] writers;
    private long rowsInGroup;

    private StagingParquetWriter(
            Path path,
            List<LakeColumn> templateColumns,
            Configuration conf,
            Set<String> distinctColumns,
            String submitter,
            String submissionId,
            TemplateVersion templateVersion)
            throws IOException {
        this.templateVersion = templateVersion;
        List<LakeColumn> columns = columns(templateColumns);
        this.schema = ParquetTableWriter.schemaOf(columns);
        this.descriptors = schema.getColumns();
        this.properties = ParquetTableWriter.properties(columns, distinctColumns, CONSTANT_LINEAGE);
        this.templateWidth = templateColumns.size();
        this.submitter = ColumnBatch.utf8(submitter);
        this.submissionId = ColumnBatch.utf8(submissionId);
        this.codecs = new CodecFactory(conf, properties.getPageSizeThreshold());
        this.compressor = codecs.getCompressor(CompressionCodecName.ZSTD);
        this.file = new ParquetFileWriter(
                HadoopOutputFile.fromPath(path, conf),
                schema,
                ParquetFileWriter.Mode.OVERWRITE,
                ROW_GROUP_BYTES,
                ParquetWriter.MAX_PADDING_SIZE_DEFAULT,
                (FileEncryptionProperties) null,
                properties);
        file.start();
    }

    /** The columns of a staging file: the template's own, then lineage. */
    public static List<LakeColumn> columns(List<LakeColumn> templateColumns) {
        List<LakeColumn> columns = new ArrayList<>(templateColumns);
        columns.addAll(QuarantineColumns.LINEAGE);
        return List.copyOf(columns);
    }

    /**
     * Opens a new staging file, replacing any leftover at that path (a temporary name that a crash may have left).
     *
     * @param distinctColumns columns with a new value on (nearly) every row, written without a dictionary
     */
    public static StagingParquetWriter create(
            Path file,
            List<LakeColumn> templateColumns,
            Configuration conf,
            Set<String> distinctColumns,
            String submitter,
            String submissionId)
            throws IOException {
        return create(file, templateColumns, conf, distinctColumns, submitter, submissionId, TemplateVersion.FIRST);
    }

    /**
     * Opens a new staging file of a template version, which its footer names with the columns it renamed.
     *
     * @param distinctColumns columns with a new value on (nearly) every row, written without a dictionary
     */
    public static StagingParquetWriter create(
            Path file,
            List<LakeColumn> templateColumns,
            Configuration conf,
            Set<String> distinctColumns,
            String submitter,
            String submissionId,
            TemplateVersion templateVersion)
            throws IOException {
        return new StagingParquetWriter(
                file, templateColumns, conf, distinctColumns, submitter, submissionId, templateVersion);
    }

    /** Writes the rows, all of this period, in order. */
    public void write(StagingRows rows, String periodKey) throws IOException {
        if (!periodKey.equals(periodText)) {
            periodText = periodKey;
            period = ColumnBatch.utf8(periodKey);
        }
        int from = 0;
        while (from < rows.size()) {
            if (store == null) {
                startRowGroup();
            }
            int to = (int) Math.min(rows.size(), from + ParquetTableWriter.ROW_GROUP_ROW_LIMIT - rowsInGroup);
            writeRows(rows, from, to);
            rowsInGroup += to - from;
            from = to;
            if (rowsInGroup >= ParquetTableWriter.ROW_GROUP_ROW_LIMIT || store.getBufferedSize() > ROW_GROUP_BYTES) {
                endRowGroup();
            }
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (store != null && rowsInGroup > 0) {
                endRowGroup();
            }
            Map<String, String> metadata = new HashMap<>(templateVersion.footerMetadata());
            metadata.put("writer", "marsad");
            file.end(metadata);
        } finally {
            codecs.release();
        }
    }

    private void startRowGroup() {
        pages = new ColumnChunkPageWriteStore(
                compressor,
                schema,
                properties.getAllocator(),
                properties.getColumnIndexTruncateLength(),
                properties.getPageWriteChecksumEnabled());
        store = properties.newColumnWriteStore(schema, pages, pages);
        writers = new ColumnWriter[descriptors.size()];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = store.getColumnWriter(descriptors.get(i));
        }
        rowsInGroup = 0;
    }

    private void endRowGroup() throws IOException {
        store.flush();
        file.startBlock(rowsInGroup);
        pages.flushToFileWriter(file);
        file.endBlock();
        store.close();
        pages.close();
        store = null;
        pages = null;
        writers = null;
    }

    private void writeRows(StagingRows rows, int from, int to) {
        ColumnBatch values = rows.values();
        for (int column = 0; column < templateWidth; column++) {
            writeColumn(values, column, writers[column], descriptors.get(column), from, to);
        }
        int lineage = templateWidth;
        writeConstant(writers[lineage], period, to - from);
        writeConstant(writers[lineage + 1], submitter, to - from);
        writeConstant(writers[lineage + 2], submissionId, to - from);
        ColumnWriter sourceRow = writers[lineage + 3];
        ColumnWriter sourceCell = writers[lineage + 4];
        for (int row = from; row < to; row++) {
            sourceRow.write((long) rows.rowNumber(row), 0, 0);
        }
        for (int row = from; row < to; row++) {
            String explicit = rows.explicitReference(row);
            sourceCell.write(explicit == null ? lineReference(rows.line(row)) : ColumnBatch.utf8(explicit), 0, 0);
        }
        for (int row = from; row < to; row++) {
            store.endRecord();
        }
    }

    private static void writeColumn(
            ColumnBatch values, int column, ColumnWriter writer, ColumnDescriptor descriptor, int from, int to) {
        int definedLevel = descriptor.getMaxDefinitionLevel();
        if (definedLevel == 0) {
            for (int row = from; row < to; row++) {
                if (values.isNull(column, row)) {
                    throw new IllegalArgumentException(
                            "column " + descriptor.getPath()[0] + " is required but the row has no value");
                }
            }
        }
        // one loop per storage, so each runs over one primitive array with one call of the column writer
        switch (values.storage(column)) {
            case TEXT -> {
                for (int row = from; row < to; row++) {
                    if (values.isNull(column, row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(values.text(column, row), 0, definedLevel);
                    }
                }
            }
            case LONG -> {
                for (int row = from; row < to; row++) {
                    if (values.isNull(column, row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(values.longValue(column, row), 0, definedLevel);
                    }
                }
            }
            case INT -> {
                for (int row = from; row < to; row++) {
                    if (values.isNull(column, row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(values.intValue(column, row), 0, definedLevel);
                    }
                }
            }
            case DOUBLE -> {
                for (int row = from; row < to; row++) {
                    if (values.isNull(column, row)) {
                        writer.writeNull(0, 0);
                    } else {
                        writer.write(values.doubleValue(column, row), 0, definedLevel);
                    }
                }
            }
        }
    }

    private static void writeConstant(ColumnWriter writer, Binary value, int rows) {
        for (int i = 0; i < rows; i++) {
            writer.write(value, 0, 0);
        }
    }

    /**
     * {@code line N} in a scratch array: parquet-java copies a reused array's bytes before it keeps them, so one array
     * serves every row.
     */
    private Binary lineReference(int line) {
        byte[] out = reference;
        out[0] = 'l';
        out[1] = 'i';
        out[2] = 'n';
        out[3] = 'e';
        out[4] = ' ';
        int digits = line == 0 ? 1 : (int) Math.log10(line) + 1;
        int end = 5 + digits;
        int value = line;
        for (int at = end - 1; at >= 5; at--) {
            out[at] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return Binary.fromReusedByteArray(out, 0, end);
    }
}
