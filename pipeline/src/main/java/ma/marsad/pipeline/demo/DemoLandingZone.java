package ma.marsad.pipeline.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.SplittableRandom;
import ma.marsad.pipeline.demo.DemoSummary.WrittenFile;

/**
 * Fills a landing folder with a realistic, reproducible set of submissions for every template: e-government request
 * exports (ADD's of every day of the last twelve months, one of them over 200,000 rows; monthly samples before them
 * and from DGI), catalogue snapshots, ANRT quarterly workbooks, training, startup funding,
 * AI programme and digital-economy reports, the UN E-Government Survey files, and a handful of files and rows that are
 * bad on purpose (see {@link DemoSummary#plantedProblems()}).
 *
 * <p>Everything written — bytes, names and modification times — is a function of {@code seed} and {@code asOf} only:
 * two calls with the same arguments produce identical landing folders. Periods run from 2024 (2022 for the UN survey)
 * up to the last one whose report is due by {@code asOf}.
 */
public final class DemoLandingZone {

    /** The seed {@code marsad demo} uses unless told otherwise. */
    public static final long DEFAULT_SEED = 2030;

    private static final LocalDate FIRST_DAY = LocalDate.of(2024, 1, 1);

    private DemoLandingZone() {}

    /**
     * Writes the demo submissions under {@code landingDir/<template-id>/<submitter-code>/}.
     *
     * @param landingDir the landing folder; created if absent. It should be empty: existing files are overwritten
     *     when their names collide and left alone otherwise
     * @param seed the seed of every random choice
     * @param asOf the run date the landing zone is prepared for; the big request export covers the day before
     * @return the files written and the problems planted, with what the nightly job should do with each
     */
    public static DemoSummary generate(Path landingDir, long seed, LocalDate asOf) throws IOException {
        return generate(landingDir, seed, asOf, 0);
    }

    /**
     * As {@link #generate(Path, long, LocalDate)}, with ADD's full export at national volume ({@link NationalVolume})
     * for each of the {@code nationalDays} days before {@code asOf} instead of the one big day; ADD's small daily
     * exports and monthly samples of those days are left out, the full exports cover them.
     *
     * @param nationalDays 0 for the default demo, else 1 up to the days since 2024-01-01
     */
    public static DemoSummary generate(Path landingDir, long seed, LocalDate asOf, int nationalDays)
            throws IOException {
        Objects.requireNonNull(landingDir, "landingDir");
        checkAsOf(asOf);
        long daysInWindow = ChronoUnit.DAYS.between(FIRST_DAY, asOf);
        if (nationalDays < 0 || nationalDays > daysInWindow) {
            throw new IllegalArgumentException("national days must be between 0 and " + daysInWindow
                    + " (the days from " + FIRST_DAY + " to the as-of date " + asOf + "), was " + nationalDays);
        }
        Files.createDirectories(landingDir);
        LandingFolder landing = new LandingFolder(landingDir, asOf);
        ServiceCatalogue catalogue = ServiceCatalogue.generate(randomFor(seed, 1));
        new CatalogueGenerator(landing, catalogue).generate();
        new EgovRequestsGenerator(landing, catalogue, randomFor(seed, 2), seed, nationalDays).generate();
        new TelecomGenerator(landing, randomFor(seed, 3)).generate();
        new TrainingGenerator(landing, randomFor(seed, 4)).generate();
        new FundingGenerator(landing, randomFor(seed, 5)).generate();
        new AiProgrammeGenerator(landing, randomFor(seed, 6)).generate();
        new DigitalEconomyGenerator(landing, randomFor(seed, 7)).generate();
        new UnSurveyGenerator(landing, randomFor(seed, 8)).generate();
        return landing.summary(seed);
    }

    /**
     * Adds ADD's export of {@code day} at national volume to a landing folder, as it arrives at 01:30 the next day:
     * the same bytes {@link #generate(Path, long, LocalDate, int)} writes for that day with the same seed.
     */
    public static WrittenFile addNationalDay(Path landingDir, long seed, LocalDate day) throws IOException {
        Objects.requireNonNull(landingDir, "landingDir");
        LocalDate asOf = day.plusDays(1);
        checkAsOf(asOf);
        LandingFolder landing = new LandingFolder(landingDir, asOf);
        ServiceCatalogue catalogue = ServiceCatalogue.generate(randomFor(seed, 1));
        return new EgovRequestsGenerator(landing, catalogue, randomFor(seed, 2), seed, 1).writeNationalDay(day);
    }

    private static void checkAsOf(LocalDate asOf) {
        Objects.requireNonNull(asOf, "asOf");
        if (asOf.isBefore(LocalDate.of(2024, 3, 1)) || asOf.isAfter(LocalDate.of(2030, 12, 31))) {
            throw new IllegalArgumentException(
                    "asOf must be between 2024-03-01 and 2030-12-31 (the demo's reporting window), was " + asOf);
        }
    }

    /** An independent stream per template, so changing one generator leaves the others' files unchanged. */
    private static SplittableRandom randomFor(long seed, int stream) {
        return new SplittableRandom(seed * 1_000_003L + stream);
    }
}
