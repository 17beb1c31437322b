package ma.marsad.pipeline.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTextTests {

    @Test
    void markupIsEscapedAndUnsafeCharactersAreShown() {
        assertThat(HtmlText.escape("<b>\"x\" & 'y'\u202E.csv"))
                .isEqualTo("&lt;b&gt;&quot;x&quot; &amp; &#39;y&#39;&lt;U+202E&gt;.csv");
        assertThat(HtmlText.escape(null)).isEmpty();
    }

    @Test
    void ownTextKeepsItsDirectionMarks() {
        String message = "ملف Excel \u200F(.xlsx) <ok>";

        assertThat(HtmlText.escapeOwnText(message)).isEqualTo("ملف Excel \u200F(.xlsx) &lt;ok&gt;");
        assertThat(HtmlText.escape(message)).isEqualTo("ملف Excel &lt;U+200F&gt;(.xlsx) &lt;ok&gt;");
    }

    @Test
    void arabicTextIsUnchanged() {
        assertThat(HtmlText.escape("الجهة المرسلة ٢٠٣٠")).isEqualTo("الجهة المرسلة ٢٠٣٠");
    }
}
