package ma.marsad.pipeline.ingest;

import java.nio.file.Path;
import ma.marsad.pipeline.template.ReaderSettings;

/** Opens the reader for one file of a submission, chosen by {@link ReaderSettings#format()}. */
@FunctionalInterface
public interface ReportReaderFactory {

    /**
     * @throws FileRejectedException when the file cannot be read at all (not an XLSX zip, unsafe XML …)
     */
    ReportReader open(Path file, ReaderSettings settings) throws FileRejectedException;
}
