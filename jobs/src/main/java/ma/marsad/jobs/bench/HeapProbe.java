package ma.marsad.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/**
 * Peak Java heap of one phase: the peak usage of every heap pool (eden, survivor, old generation), reset before the
 * phase and summed after it. The sum is an upper bound, since pools peak at different moments; DuckDB's own memory is
 * native and not counted.
 */
final class HeapProbe {

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP && pool.isValid())
            .toList();

    /** Collects what earlier phases left, then starts counting from the current usage. */
    void reset() {
        System.gc();
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    /** Bytes: the sum of the heap pools' peaks since {@link #reset()}. */
    long peakBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : heapPools) {
            sum += pool.getPeakUsage().getUsed();
        }
        return sum;
    }

    static long maxHeapBytes() {
        return Runtime.getRuntime().maxMemory();
    }
}
