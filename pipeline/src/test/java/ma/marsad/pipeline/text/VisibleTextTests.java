package ma.marsad.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VisibleTextTests {

    @Test
    void aRightToLeftOverrideInAFileNameIsShownNotObeyed() {
        // "rapport-\u202Evsc.txt" is displayed as "rapport-txt.csv" by a bidi-aware viewer
        assertThat(VisibleText.of("rapport-\u202Evsc.txt")).isEqualTo("rapport-<U+202E>vsc.txt");
    }

    @Test
    void everyBidirectionalControlAndMarkIsEscaped() {
        String controls = "\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069\u200E\u200F\u061C";

        assertThat(VisibleText.of(controls))
                .isEqualTo("<U+202A><U+202B><U+202C><U+202D><U+202E><U+2066><U+2067><U+2068><U+2069>"
                        + "<U+200E><U+200F><U+061C>");
    }

    @Test
    void controlCharactersAndSeparatorsCannotBreakALine() {
        assertThat(VisibleText.of("a\nb\rc\td\u0000e\u007Ff\u0085g\u009Bh\u2028i\u2029j"))
                .isEqualTo("a<U+000A>b<U+000D>c<U+0009>d<U+0000>e<U+007F>f<U+0085>g<U+009B>h<U+2028>i<U+2029>j");
    }

    @Test
    void invisibleFormatCharactersAreEscapedWithFiveHexDigitsAboveTheBasicPlane() {
        assertThat(VisibleText.of("x\u200By\uFEFFz\u2060")).isEqualTo("x<U+200B>y<U+FEFF>z<U+2060>");
        // tag characters spell hidden ASCII text
        assertThat(VisibleText.of("ok\uDB40\uDC41")).isEqualTo("ok<U+E0041>");
        // a lone surrogate is not text
        assertThat(VisibleText.of("a\uD800b")).isEqualTo("a<U+D800>b");
    }

    @Test
    void arabicAndFrenchTextPassUnchanged() {
        String[] texts = {
            "وزارة الانتقال الرقمي وإصلاح الإدارة",
            "الرباط-سلا-القنيطرة ١٢٣٤٥٦٧٨٩٠ ۰۱۲۳۴۵۶۷۸۹",
            "مُحَمَّدٌ وَالْقُرْآنُ", // tashkeel
            "ﻻ ﷲ", // presentation forms
            "\u0600١٢٣ \u06DD", // Arabic number signs are drawn, not hidden
            "می\u200Cخواهم", // zero-width non-joiner between letters
            "Région de l'Oriental — Fès-Meknès, Béni Mellal-Khénifra",
            "e\u0301 ç œ Æ « guillemets » 12\u00A0345,67 €",
            "Caf\u00ADé", // soft hyphen
            "👩\u200D💻 2030"
        };
        for (String text : texts) {
            assertThat(VisibleText.of(text)).as(text).isSameAs(text);
        }
    }

    @Test
    void nullStaysNullAndTheRuleIsIdempotent() {
        assertThat(VisibleText.of(null)).isNull();
        String once = VisibleText.of("\u202Eabc\n");
        assertThat(VisibleText.of(once)).isEqualTo(once);
    }
}
