package ma.marsad.dashboards.render;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What a render produced.
 *
 * @param siteFolder the published version folder the site link now points to
 * @param pagesWritten HTML pages written (all languages, plus the root index)
 * @param totalBytes bytes of every file of the site, assets included
 * @param largestPage the largest HTML page, relative to the site folder
 * @param largestPageBytes its size
 * @param duration wall time of the render, from opening the warehouse to swapping the link
 */
public record RenderSummary(
        Path siteFolder,
        int pagesWritten,
        long totalBytes,
        String largestPage,
        long largestPageBytes,
        Duration duration) {

    public RenderSummary {
        if (pagesWritten < 0 || totalBytes < 0 || largestPageBytes < 0) {
            throw new IllegalArgumentException("negative counts in render summary: pages " + pagesWritten + ", bytes "
                    + totalBytes + ", largest " + largestPageBytes);
        }
    }
}
