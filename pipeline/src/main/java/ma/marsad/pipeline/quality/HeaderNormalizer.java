package ma.marsad.pipeline.quality;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form in which headers and header aliases are compared: Unicode NFKC; trimmed; lower-cased (root locale); Latin
 * combining accents (U+0300–U+036F), Arabic tatweel (U+0640) and harakat (U+064B–U+065F) removed; runs of spaces, NBSP,
 * {@code -} and {@code .} turned into one {@code _}. Arabic letters are not otherwise folded.
 *
 * <p>Accents are removed from the canonical decomposition, after the harakat, so that {@code Année} becomes {@code
 * annee} while Arabic letters whose decomposition holds a hamza ({@code أ}) are recomposed unchanged.
 */
public final class HeaderNormalizer {

    private HeaderNormalizer() {}

    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String text = Normalizer.normalize(header, Normalizer.Form.NFKC).strip().toLowerCase(Locale.ROOT);
        StringBuilder withoutHarakat = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\u0640' && !(c >= '\u064B' && c <= '\u065F')) {
                withoutHarakat.append(c);
            }
        }
        String decomposed = Normalizer.normalize(withoutHarakat, Normalizer.Form.NFD);
        StringBuilder withoutAccents = new StringBuilder(decomposed.length());
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (!(c >= '\u0300' && c <= '\u036F')) {
                withoutAccents.append(c);
            }
        }
        String recomposed = Normalizer.normalize(withoutAccents, Normalizer.Form.NFC);
        StringBuilder out = new StringBuilder(recomposed.length());
        boolean inRun = false;
        for (int i = 0; i < recomposed.length(); i++) {
            char c = recomposed.charAt(i);
            if (c == ' ' || c == '\u00A0' || c == '-' || c == '.' || Character.isWhitespace(c)) {
                if (!inRun) {
                    out.append('_');
                    inRun = true;
                }
            } else {
                out.append(c);
                inRun = false;
            }
        }
        return out.toString();
    }
}
