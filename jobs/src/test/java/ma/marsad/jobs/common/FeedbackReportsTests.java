package ma.marsad.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import ma.marsad.pipeline.ingest.RowError;
import ma.marsad.pipeline.ingest.ValidationOutcome;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class FeedbackReportsTests {

    private static final Messages MESSAGES = Messages.shipped();
    private static final TemplateCatalog CATALOG = TemplateCatalog.shipped();

    // 3 rows read: 1 accepted, 2 quarantined (a region 13 and a hostile value that is also a formula)
    private final RowError badRegion = new RowError(
            1,
            2,
            "line 2, column 3",
            "region_code",
            "region_code",
            ReasonCode.BAD_REGION,
            "13",
            Map.of("cell", "line 2, column 3", "column", "region_code", "value", "13"));
    private final RowError formula = new RowError(
            3,
            4,
            "line 4, column 2",
            "service_code",
            "code_service",
            ReasonCode.PATTERN_MISMATCH,
            "=HYPERLINK(\"http://x\")<script>",
            Map.of(
                    "cell",
                    "line 4, column 2",
                    "column",
                    "service_code",
                    "value",
                    "=HYPERLINK(\"http://x\")<script>",
                    "pattern",
                    "^[A-Z]{2,10}-[0-9]{3}$"));
    private final ValidationOutcome quarantined = new ValidationOutcome(
            ValidationOutcome.Status.ACCEPTED_WITH_QUARANTINE,
            "2026-11-27",
            3,
            1,
            2,
            null,
            Map.of(),
            List.of(new ValidationOutcome.Warning(ReasonCode.UNKNOWN_COLUMN, Map.of("header", "remarque"))),
            List.of(badRegion, formula),
            false);
    private final SubmissionRecord record = new SubmissionRecord(
            "a".repeat(64),
            "egov-requests",
            "ADD",
            List.of("requests-2026-11-27.csv"),
            Instant.parse("2026-11-28T01:00:00Z"),
            "accepted_with_quarantine",
            "2026-11-27",
            3,
            1,
            2,
            null,
            null,
            null,
            null);

    @Test
    void frenchPageSaysWhatWhereAndHowToFixInFrench() {
        String page = FeedbackReports.html(record, quarantined, MESSAGES, CATALOG, Language.FR);

        assertThat(page).contains("<html lang=\"fr\" dir=\"ltr\">");
        assertThat(page).contains("Demandes de services en ligne", "Agence de Développement du Digital (ADD)");
        assertThat(page).contains("2026-11-28 02:00 UTC+01:00"); // received time in Casablanca, zone shown
        assertThat(page).contains("accepté avec des lignes en quarantaine", "lues 3 · acceptées 1 · en quarantaine 2");
        assertThat(page).contains("<bdi>ligne 2, colonne 3</bdi>", "« 13 » n&#39;est pas un code de région");
        assertThat(page).contains("La colonne « remarque » ne fait pas partie du modèle");
        assertThat(page).contains("BAD_REGION × 1", "Renvoyez le fichier complet");
        assertThat(page).contains("@media print", "thead{display:table-header-group}");
        // hostile text is escaped, never markup
        assertThat(page).doesNotContain("<script>").contains("&lt;script&gt;");
    }

    static Stream<Arguments> arabicAndEnglishPages() {
        return Stream.of(
                arguments(
                        Language.AR,
                        List.of(
                                "<html lang=\"ar\" dir=\"rtl\">",
                                "تقرير التحقق من الملف",
                                "وكالة التنمية الرقمية (ADD)",
                                "مقبول مع أسطر معزولة",
                                "<bdi>السطر 2، العمود 3</bdi>",
                                "كيف تصححون الملف"),
                        List.of("ligne 2", "line 2,")),
                arguments(
                        Language.EN,
                        List.of(
                                "<html lang=\"en\" dir=\"ltr\">",
                                "File validation report",
                                "accepted with quarantined rows",
                                "read 3 · accepted 1",
                                "<bdi>line 2, column 3</bdi>",
                                "How to fix the file"),
                        List.of("ligne 2", "Renvoyez", "السطر")));
    }

    /** Arabic pages are right to left; English ones serve the site's English pages; neither mixes in French. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("arabicAndEnglishPages")
    void pageSpeaksItsLanguageOnly(Language language, List<String> shown, List<String> absent) {
        String page = FeedbackReports.html(record, quarantined, MESSAGES, CATALOG, language);

        assertThat(page).contains(shown).doesNotContain(absent);
    }

    @Test
    void rejectedFileSaysWhyAndThatNothingWasLoaded() {
        ValidationOutcome rejected = new ValidationOutcome(
                ValidationOutcome.Status.REJECTED,
                null,
                0,
                0,
                0,
                ReasonCode.MISSING_COLUMN,
                Map.of("column", "status", "accepted", "status, statut"),
                List.of(),
                List.of(),
                false);

        String page = FeedbackReports.html(record, rejected, MESSAGES, CATALOG, Language.FR);

        assertThat(page)
                .contains("Pourquoi le fichier est refusé")
                .contains("La colonne obligatoire status est absente. En-têtes acceptés pour cette colonne : status,"
                        + " statut.")
                .contains("Aucune ligne de ce fichier n&#39;a été chargée")
                .doesNotContain("Lignes mises de côté");
    }

    @Test
    void csvNeutralisesFormulasAndSpeaksTheLanguage() {
        String french = FeedbackReports.csv(quarantined, MESSAGES, Language.FR);
        String arabic = FeedbackReports.csv(quarantined, MESSAGES, Language.AR);
        String english = FeedbackReports.csv(quarantined, MESSAGES, Language.EN);

        List<String> lines = french.lines().toList();
        assertThat(lines.get(0)).isEqualTo("ligne_donnees,ligne,cellule,colonne,en_tete,code,valeur,message");
        assertThat(lines.get(1)).startsWith(",,,,,UNKNOWN_COLUMN,,"); // the warning
        assertThat(lines.get(2))
                .startsWith("1,2,\"line 2, column 3\",region_code,region_code,BAD_REGION,13,")
                .endsWith("\"ligne 2, colonne 3 (region_code) : « 13 » n'est pas un code de région. Utilisez un code"
                        + " de 01 à 12.\"");
        // the formula is shown as text: a leading quote, inner quotes doubled
        assertThat(lines.get(3)).contains(",\"'=HYPERLINK(\"\"http://x\"\")<script>\",");
        assertThat(arabic.lines().findFirst().orElseThrow()).startsWith("سطر_البيانات,");
        assertThat(arabic).contains("السطر 2، العمود 3 (region_code)");
        assertThat(english).startsWith("data_row,line,cell,");
    }

    @Test
    void namesAndValuesWithDirectionOrControlCharactersAreShownAsEscapesInPagesAndCsv() {
        // given a file whose name reads "demandes-txt.csv" in a bidi-aware viewer, a header with a newline
        // and a value with a right-to-left isolate
        SubmissionRecord spoofed = new SubmissionRecord(
                record.submissionId(),
                record.template(),
                record.submitter(),
                List.of("demandes-\u202Evsc.txt"),
                record.receivedAt(),
                record.status(),
                record.period(),
                3,
                1,
                2,
                null,
                null,
                null,
                null);
        RowError hidden = new RowError(
                2,
                3,
                "line 3, column 2",
                "service_code",
                "code\nservice",
                ReasonCode.PATTERN_MISMATCH,
                "DGI\u2067-001",
                Map.of("cell", "line 3, column 2", "column", "service_code", "value", "DGI\u2067-001", "pattern", "x"));
        ValidationOutcome outcome = new ValidationOutcome(
                ValidationOutcome.Status.ACCEPTED_WITH_QUARANTINE,
                "2026-11-27",
                3,
                1,
                2,
                null,
                Map.of(),
                List.of(),
                List.of(hidden),
                false);

        for (Language language : Language.values()) {
            // when
            String page = FeedbackReports.html(spoofed, outcome, MESSAGES, CATALOG, language);
            String csv = FeedbackReports.csv(outcome, MESSAGES, language);

            // then
            assertThat(page)
                    .as(language.tag())
                    .contains("<bdi>demandes-&lt;U+202E&gt;vsc.txt</bdi>")
                    .contains("code&lt;U+000A&gt;service", "DGI&lt;U+2067&gt;-001")
                    .doesNotContain("\u202E", "\u2067", "code\nservice");
            assertThat(csv)
                    .as(language.tag())
                    .contains(",code<U+000A>service,PATTERN_MISMATCH,DGI<U+2067>-001,")
                    .doesNotContain("\u2067", "code\nservice");
        }
        // the Arabic page's own words keep their letters
        assertThat(FeedbackReports.html(spoofed, outcome, MESSAGES, CATALOG, Language.AR))
                .contains("تقرير التحقق من الملف");
    }
}
