package ma.marsad.pipeline.template;

import java.nio.charset.Charset;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A registered submitter.
 *
 * @param code upper-case letters, digits and {@code -}, 2 to 32 characters (the landing folder name)
 * @param encoding the encoding the submitter's systems write, when it is not UTF-8
 */
public record Submitter(String code, String nameFr, String nameAr, Optional<Charset> encoding) {

    /** The form of a submitter code. */
    public static final Pattern CODE = Pattern.compile("[A-Z0-9-]{2,32}");

    public Submitter {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(nameFr, "nameFr");
        Objects.requireNonNull(nameAr, "nameAr");
        Objects.requireNonNull(encoding, "encoding");
        if (!CODE.matcher(code).matches()) {
            throw new IllegalArgumentException(
                    "submitter code '" + code + "' must be 2 to 32 upper-case letters, digits or '-'");
        }
    }
}
