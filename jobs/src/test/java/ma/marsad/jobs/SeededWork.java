package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

/**
 * A work folder a first night has seeded, with the checksums of its published warehouse as copied: a run
 * that fails on the copy must leave that warehouse as it was.
 */
record SeededWork(Path work, Path published, Map<String, WarehouseChecksums.TableChecksum> checksums) {

    /**
     * A copy of a seeded folder. Its lake's Iceberg metadata still names the data files of the original by absolute
     * path: a test that edits the copy's lake files must seed its own folder ({@link #of}).
     */
    static SeededWork copy(Path seeded, Path work) throws Exception {
        TestLandingZones.copyTree(seeded, work);
        return of(work);
    }

    /** A folder a first night seeded, as it is now. */
    static SeededWork of(Path work) throws Exception {
        Path published = work.resolve("warehouse/marsad.duckdb");
        return new SeededWork(work, published, WarehouseChecksums.of(published));
    }

    void assertPublishedWarehouseUnchanged() throws Exception {
        assertThat(WarehouseChecksums.of(published)).isEqualTo(checksums);
    }
}
