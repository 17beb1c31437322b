package ma.marsad.pipeline.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ReaderSettings;

/**
 * Small readers for validator tests, standing in for the real CSV, XLSX and JSON readers: a delimited-text reader
 * without quoting for real files in a temporary folder, and a reader of typed cells given in memory.
 */
final class TestReaders {

    private TestReaders() {}

    /** Reads a real file: header on the first line, fields split on the delimiter, no quotes, blank lines skipped. */
    static ReportReaderFactory delimitedText() {
        return (file, settings) -> new DelimitedTextReader(file, settings);
    }

    /** Serves in-memory typed rows by file name (e.g. XLSX number cells as Double, JSON numbers as BigDecimal). */
    static ReportReaderFactory typed(Map<String, TypedFile> files) {
        return (file, settings) -> {
            TypedFile typed = files.get(file.getFileName().toString());
            if (typed == null) {
                throw new FileRejectedException(ReasonCode.NOT_XLSX, "no such test file " + file);
            }
            return new TypedReader(typed);
        };
    }

    /** Every data row of a file, read by the real reader for its settings after its header. */
    static List<RawRow> readAll(Path file, ReaderSettings settings) throws FileRejectedException {
        try (ReportReader reader = ReportReaders.open(file, settings)) {
            reader.header();
            return readRest(reader);
        }
    }

    /** The rows a reader has not handed out yet. */
    static List<RawRow> readRest(ReportReader reader) throws FileRejectedException {
        List<RawRow> rows = new ArrayList<>();
        RawRow row;
        while ((row = reader.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    /** A file as typed cells; each row's cells in header order. */
    record TypedFile(List<String> header, List<List<RawCell>> rows, List<ReportReader.ReaderWarning> warnings) {}

    private static final class DelimitedTextReader implements ReportReader {
        private final BufferedReader lines;
        private final Pattern splitter;
        private int line;
        private int row;

        DelimitedTextReader(Path file, ReaderSettings settings) {
            try {
                this.lines = Files.newBufferedReader(file, settings.charset());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            this.splitter = Pattern.compile(Pattern.quote(String.valueOf(settings.delimiter())));
        }

        @Override
        public List<String> header() throws FileRejectedException {
            String text = readLine();
            if (text == null) {
                throw new FileRejectedException(ReasonCode.NO_DATA, "empty file");
            }
            return List.of(splitter.split(text, -1));
        }

        @Override
        public RawRow next() {
            String text;
            while ((text = readLine()) != null && text.isBlank()) {
                // blank lines are skipped and not counted
            }
            if (text == null) {
                return null;
            }
            row++;
            List<RawCell> cells = new ArrayList<>();
            String[] fields = splitter.split(text, -1);
            for (int i = 0; i < fields.length; i++) {
                cells.add(RawCell.text(fields[i].isEmpty() ? null : fields[i], "line " + line + ", column " + (i + 1)));
            }
            return new RawRow(row, line, cells, "line " + line, null);
        }

        private String readLine() {
            try {
                String text = lines.readLine();
                if (text != null) {
                    line++;
                }
                return text;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void close() {
            try {
                lines.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class TypedReader implements ReportReader {
        private final TypedFile file;
        private final Iterator<List<RawCell>> rows;
        private int row;

        TypedReader(TypedFile file) {
            this.file = file;
            this.rows = file.rows().iterator();
        }

        @Override
        public List<String> header() {
            return file.header();
        }

        @Override
        public RawRow next() {
            if (!rows.hasNext()) {
                return null;
            }
            row++;
            return new RawRow(row, row + 1, rows.next(), "KPI!" + (row + 1), null);
        }

        @Override
        public List<ReaderWarning> warnings() {
            return file.warnings();
        }

        @Override
        public void close() {}
    }
}
