package ma.marsad.dashboards.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import ma.marsad.pipeline.config.ConfigFolder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A French or Arabic page says nothing in the catalogue's English, and no status in its code. */
class PageLanguageTests {

    // the job repository's and the engine's codes, which a page must always put into words
    private static final List<String> STATUS_CODES = List.of(
            "COMPLETED",
            "STARTED",
            "FAILED",
            "STOPPED",
            "on_track",
            "at_risk",
            "off_track",
            "no_target",
            "no_data",
            "baseline_only",
            "provisional");
    private static final List<String> CODES = List.of(
            "monthly", "quarterly", "semiannual", "annual", "biennial", "linear", "geometric", "cumulative_sum");

    @TempDir
    Path work;

    private Path warehouse;

    @BeforeEach
    void render() throws Exception {
        warehouse = WarehouseFixture.buildIn(work);
        new SiteRenderer(ConfigFolder.shipped()).render(warehouse, work.resolve("site"), work);
    }

    @Test
    void frenchAndArabicPagesHoldNoEnglishTextOfTheCatalogueNorAStatusCode() throws Exception {
        Set<String> english = catalogueEnglish();
        assertThat(english).contains("E-services available online", "press", "sum of diplomes over the calendar year");

        List<String> leaks = new ArrayList<>();
        for (String language : List.of("fr", "ar")) {
            try (Stream<Path> pages = Files.list(work.resolve("site").resolve(language))) {
                for (Path page : pages.sorted().toList()) {
                    String text = visibleText(Files.readString(page));
                    for (String phrase : english) {
                        if (Pattern.compile("(?<![\\p{L}_])" + Pattern.quote(phrase) + "(?![\\p{L}_])")
                                .matcher(text)
                                .find()) {
                            leaks.add(language + "/" + page.getFileName() + ": " + phrase);
                        }
                    }
                    for (String code : concat(STATUS_CODES, CODES)) {
                        // a hyphenated name such as ai-programme-quarterly is an identifier, not a word
                        if (Pattern.compile("(?<![\\p{L}_-])" + code + "(?![\\p{L}_-])")
                                .matcher(text)
                                .find()) {
                            leaks.add(language + "/" + page.getFileName() + ": " + code);
                        }
                    }
                }
            }
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void theDataDictionaryIsPublishedInEachLanguageAndLinkedFromItsFooter() throws Exception {
        Path site = work.resolve("site");

        assertThat(Files.readString(site.resolve("fr/index.html"))).contains("<a href=\"data-dictionary.html\">");
        assertThat(Files.readString(site.resolve("fr/data-dictionary.html")))
                .contains("<html lang=\"fr\" dir=\"ltr\">")
                .contains("<h1>Dictionnaire des données de l&#39;entrepôt</h1>")
                .contains("Table de faits du modèle egov-requests");
        assertThat(Files.readString(site.resolve("ar/data-dictionary.html")))
                .contains("<html lang=\"ar\" dir=\"rtl\">")
                .contains("جدول وقائع النموذج egov-requests")
                // the models' English is marked as English for screen readers
                .contains("<span lang=\"en\" dir=\"ltr\">");
        assertThat(Files.readString(site.resolve("en/data-dictionary.html")))
                .contains("Fact table of template egov-requests")
                .doesNotContain("<span lang=\"en\"");
    }

    @Test
    void aKpiPageStatesItsDefinitionFrequencyAndTrajectoryInThePageLanguage() throws Exception {
        String french = Files.readString(work.resolve("site/fr/kpi-tal-04.html"));
        String arabic = Files.readString(work.resolve("site/ar/kpi-tal-04.html"));

        assertThat(french)
                .contains("Diplômés de la filière intelligence artificielle depuis le 1er janvier 2026, cumulés")
                .contains("semestrielle")
                .contains("somme cumulée")
                .contains("linéaire")
                .contains("presse (Maroc IA 2030)");
        assertThat(arabic).contains("نصف سنوية").contains("مجموع تراكمي").contains("خطي");
        assertThat(Files.readString(work.resolve("site/fr/data-supply.html")))
                .contains("Terminée")
                .contains("Échouée");
    }

    /** Every English text of the fixture's catalogue that differs from its French wording. */
    private Set<String> catalogueEnglish() throws SQLException {
        Set<String> english = new LinkedHashSet<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + warehouse.toAbsolutePath());
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "select name_en, name_fr, definition, definition_fr, target_basis, target_basis_fr"
                                + " from kpi_catalogue")) {
            while (rows.next()) {
                for (int column = 1; column <= 5; column += 2) {
                    String text = rows.getString(column);
                    if (text != null && !text.equals(rows.getString(column + 1))) {
                        english.add(text);
                    }
                }
            }
        }
        return english;
    }

    /** What a reader sees: text outside tags, scripts and styles, less what is marked as English. */
    private static String visibleText(String html) {
        return html.replaceAll("(?s)<script\\b.*?</script>", " ")
                .replaceAll("(?s)<style\\b.*?</style>", " ")
                .replaceAll("(?s)<span lang=\"en\"[^>]*>.*?</span>", " ")
                .replaceAll("<[^>]+>", " ")
                .replace("&#39;", "'")
                .replace("&amp;", "&");
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
