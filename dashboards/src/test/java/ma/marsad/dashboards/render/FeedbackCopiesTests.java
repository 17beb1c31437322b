package ma.marsad.dashboards.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import ma.marsad.pipeline.quality.Language;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeedbackCopiesTests {

    @TempDir
    Path work;

    @Test
    void linksTheReportInThePageLanguageAndElseTheOneTheWarehouseNames() throws Exception {
        // given a report in French and Arabic, none in English
        write("feedback/OFPPT/training-2025-S2-abc.fr.html");
        write("feedback/OFPPT/training-2025-S2-abc.ar.html");
        FeedbackCopies copies = new FeedbackCopies(work);

        // then
        String path = "feedback/OFPPT/training-2025-S2-abc.fr.html";
        assertThat(copies.version(path, Language.AR)).hasValue("feedback/OFPPT/training-2025-S2-abc.ar.html");
        assertThat(copies.version(path, Language.FR)).hasValue(path);
        assertThat(copies.version(path, Language.EN)).hasValue(path);
        assertThat(FeedbackCopies.languageOf("feedback/OFPPT/training-2025-S2-abc.ar.html"))
                .isEqualTo("ar");
    }

    @Test
    void noLinkToAReportThatIsMissingOrOutsideTheFeedbackFolder() throws Exception {
        write("runs/secret.fr.html");
        FeedbackCopies copies = new FeedbackCopies(work);

        assertThat(copies.version("feedback/OFPPT/gone.fr.html", Language.FR)).isEmpty();
        assertThat(copies.version("runs/secret.fr.html", Language.FR)).isEmpty();
        assertThat(copies.version("feedback/../runs/secret.fr.html", Language.FR))
                .isEmpty();
        assertThat(copies.version(work.resolve("runs/secret.fr.html").toString(), Language.FR))
                .isEmpty();
    }

    @Test
    void copiesOnlyTheReportsPagesLinkTo() throws Exception {
        write("feedback/ADD/a.fr.html");
        write("feedback/ADD/a.ar.html");
        write("feedback/ADD/b.fr.html");
        FeedbackCopies copies = new FeedbackCopies(work);
        copies.linkedTo("feedback/ADD/a.ar.html");
        Path site = Files.createDirectories(work.resolve("site-versions/next"));

        copies.copyInto(site);

        assertThat(site.resolve("feedback/ADD/a.ar.html")).hasContent("report feedback/ADD/a.ar.html");
        assertThat(site.resolve("feedback/ADD/a.fr.html")).doesNotExist();
        assertThat(site.resolve("feedback/ADD/b.fr.html")).doesNotExist();
    }

    private void write(String path) throws Exception {
        Path file = work.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, "report " + path);
    }
}
