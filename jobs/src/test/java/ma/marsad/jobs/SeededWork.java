package ma.marsad.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

/**
 * A copy of a work folder a first night has seeded, with the checksums of its published warehouse as copied: a run
 * that fails on the copy must leave that warehouse as it was.
 */
record SeededWork(Path work, Path published, Map<String, WarehouseChecksums.TableChecksum> checksums) {

    static SeededWork copy(Path seeded, Path work) throws Exception {
        TestLandingZones.copyTree(seeded, work);
        Path published = work.resolve("warehouse/marsad.duckdb");
        return new SeededWork(work, published, WarehouseChecksums.of(published));
    }

    void assertPublishedWarehouseUnchanged() throws Exception {
        assertThat(WarehouseChecksums.of(published)).isEqualTo(checksums);
    }
}
