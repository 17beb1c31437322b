package ma.marsad.pipeline.quality;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import ma.marsad.pipeline.config.ConfigFolder;

/**
 * The message a submitter reads for each reason code, in French, Arabic and English, from {@code
 * messages/messages_<lang>.properties} of the configuration folder (UTF-8). A message names its values with {@code
 * {name}} placeholders, filled from the finding's arguments ({@code {cell}}, {@code {value}}, {@code {pattern}} …).
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");

    private final Map<Language, Properties> byLanguage;

    private Messages(Map<Language, Properties> byLanguage) {
        this.byLanguage = byLanguage;
    }

    /** The messages shipped with Marsad. */
    public static Messages shipped() {
        return load(ConfigFolder.shipped());
    }

    /**
     * The messages of a configuration folder; every reason code must have a message in every language.
     *
     * @throws IllegalStateException naming the file and the missing codes
     */
    public static Messages load(ConfigFolder folder) {
        Map<Language, Properties> byLanguage = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            String name = "messages_" + language.tag() + ".properties";
            ConfigFolder.ConfigFile file = folder.file("messages", name)
                    .orElseThrow(() -> new IllegalStateException("missing " + folder.describe("messages") + "/" + name
                            + ": add it with one line 'CODE = message' per reason code"));
            Properties properties = new Properties();
            try {
                properties.load(new StringReader(file.content()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(file.location() + ": " + e.getMessage(), e);
            }
            for (ReasonCode code : ReasonCode.values()) {
                if (!properties.containsKey(code.name())) {
                    throw new IllegalStateException(file.location() + " has no message for " + code.name()
                            + ": add a line '" + code.name() + " = …'");
                }
            }
            byLanguage.put(language, properties);
        }
        return new Messages(byLanguage);
    }

    /** The message for a code with its values; an unknown code gives the code and its arguments. */
    public String message(String code, Map<String, ?> arguments, Language language) {
        String template = byLanguage.get(language).getProperty(code);
        if (template == null) {
            return code + (arguments.isEmpty() ? "" : " " + arguments);
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Object value = arguments.get(matcher.group(1));
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "—" : String.valueOf(value)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    public String message(ReasonCode code, Map<String, ?> arguments, Language language) {
        return message(code.name(), arguments, language);
    }
}
