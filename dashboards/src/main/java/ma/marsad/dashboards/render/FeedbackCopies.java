package ma.marsad.dashboards.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.marsad.pipeline.quality.Language;

/**
 * The submitters' feedback reports the site links to, copied into the site's own {@code feedback/} folder so the
 * published site needs nothing outside it. A report is linked in the page's language when the work folder holds that
 * version ({@code ….fr.html} beside {@code ….ar.html}), else in the language of the path the warehouse gives.
 */
final class FeedbackCopies {

    static final String FOLDER = "feedback";
    private static final Pattern LANGUAGE_SUFFIX = Pattern.compile("(.+)\\.(fr|ar|en)\\.html");

    private final Path workDir;
    private final Path reports;
    private final Set<String> linked = new TreeSet<>();

    /** @param workDir the work folder the warehouse's feedback paths are relative to */
    FeedbackCopies(Path workDir) {
        this.workDir = workDir.toAbsolutePath().normalize();
        this.reports = this.workDir.resolve(FOLDER);
    }

    /**
     * The version of the report to link from a page in {@code language}, as a path relative to the work folder (and to
     * the site once copied); empty when the work folder holds no such report, so the page shows no dead link.
     */
    Optional<String> version(String path, Language language) {
        Matcher matcher = LANGUAGE_SUFFIX.matcher(path);
        if (matcher.matches()) {
            String inLanguage = matcher.group(1) + "." + language.tag() + ".html";
            if (exists(inLanguage)) {
                return Optional.of(inLanguage);
            }
        }
        return exists(path) ? Optional.of(path) : Optional.empty();
    }

    /** Remembers a report a page links to, so that {@link #copyInto} brings it into the site. */
    void linkedTo(String version) {
        linked.add(version);
    }

    /** The language of a report version from its name ({@code ….ar.html}), or null when the name does not say. */
    static String languageOf(String version) {
        Matcher matcher = LANGUAGE_SUFFIX.matcher(version);
        return matcher.matches() ? matcher.group(2) : null;
    }

    /** Copies every linked report to the same relative path under {@code site}. */
    void copyInto(Path site) throws IOException {
        for (String version : linked) {
            Path target = site.resolve(version);
            Files.createDirectories(target.getParent());
            Files.copy(workDir.resolve(version), target);
        }
    }

    /** Only a regular file under the work folder's feedback/ folder, reached without '..' or a link, is a report. */
    private boolean exists(String path) {
        if (Html.encodePath(path) == null) {
            return false;
        }
        Path file = workDir.resolve(path).normalize();
        if (!file.startsWith(reports) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            return false;
        }
        try {
            return file.toRealPath().startsWith(reports.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
