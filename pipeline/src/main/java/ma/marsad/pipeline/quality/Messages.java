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
import ma.marsad.pipeline.text.VisibleText;

/**
 * The message a submitter reads for each reason code, in French, Arabic and English, from {@code
 * messages/messages_<lang>.properties} of the configuration folder (UTF-8). A message names its values with {@code
 * {name}} placeholders, filled from the finding's arguments ({@code {cell}}, {@code {value}}, {@code {pattern}} …).
 * The arguments come from the submitter's file, so they are shown as {@link VisibleText}; the message text itself is
 * Marsad's own and keeps its direction marks.
 *
 * <p>The same files hold the words of Marsad's own reports and templates, one key per phrase ({@code report.file},
 * {@code status.accepted_with_quarantine} …): {@link #phrase}. A configuration folder must give a message for every
 * reason code; a phrase it lacks is the shipped one.
 */
public final class Messages {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z_]+)}");
    private static final Pattern CSV_PLACE = Pattern.compile("line (\\d+)(?:, column (\\d+))?");

    /** What a placeholder shows when the finding has no value for it (a message asking for more than is known). */
    public static final String MISSING = "—";

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
            Properties shipped = read(ConfigFolder.shipped(), name, null);
            Properties properties = read(folder, name, shipped);
            for (ReasonCode code : ReasonCode.values()) {
                if (!properties.containsKey(code.name())) {
                    throw new IllegalStateException(folder.describe("messages") + "/" + name + " has no message for "
                            + code.name() + ": add a line '" + code.name() + " = …'");
                }
            }
            byLanguage.put(language, properties);
        }
        return new Messages(byLanguage);
    }

    /** One message file; what it lacks is looked up in {@code defaults}, except by {@code containsKey}. */
    private static Properties read(ConfigFolder folder, String name, Properties defaults) {
        ConfigFolder.ConfigFile file = folder.file("messages", name)
                .orElseThrow(() -> new IllegalStateException("missing " + folder.describe("messages") + "/" + name
                        + ": add it with one line 'CODE = message' per reason code"));
        Properties properties = new Properties(defaults);
        try {
            properties.load(new StringReader(file.content()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(file.location() + ": " + e.getMessage(), e);
        }
        return properties;
    }

    /** The message for a code with its values; an unknown code gives the code and its arguments. */
    public String message(String code, Map<String, ?> arguments, Language language) {
        String template = byLanguage.get(language).getProperty(code);
        if (template == null) {
            return VisibleText.of(code + (arguments.isEmpty() ? "" : " " + arguments));
        }
        return filled(template, arguments, language);
    }

    public String message(ReasonCode code, Map<String, ?> arguments, Language language) {
        return message(code.name(), arguments, language);
    }

    /** A phrase of Marsad's own reports and templates. */
    public String phrase(String key, Language language) {
        return phrase(key, Map.of(), language);
    }

    /**
     * A phrase of Marsad's own reports and templates, its {@code {name}} placeholders filled with these values.
     *
     * @throws IllegalArgumentException when no message file has the key
     */
    public String phrase(String key, Map<String, ?> arguments, Language language) {
        String template = byLanguage.get(language).getProperty(key);
        if (template == null) {
            throw new IllegalArgumentException("no phrase '" + key + "' in messages_" + language.tag()
                    + ".properties: add a line '" + key + " = …'");
        }
        return filled(template, arguments, language);
    }

    private String filled(String template, Map<String, ?> arguments, Language language) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            Object value = arguments.get(name);
            String text = value == null ? MISSING : VisibleText.of(String.valueOf(value));
            if (name.equals("cell") && value != null) {
                text = place(text, language);
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(text));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    /**
     * A place in a file as a person reads it in a language: a CSV place ({@code line 8, column 3} or {@code line 8}, as
     * the {@code cell} field gives it) becomes {@code ligne 8, colonne 3} or {@code السطر 8، العمود 3}; XLSX references
     * ({@code Sheet!C7}) and JSON pointers ({@code /12/amount_mad}) are the same in every language.
     */
    public String place(String cell, Language language) {
        Matcher csv = CSV_PLACE.matcher(cell);
        if (!csv.matches()) {
            return cell;
        }
        String line = csv.group(1);
        String column = csv.group(2);
        return column == null
                ? phrase("place.line", Map.of("line", line), language)
                : phrase("place.line_and_column", Map.of("line", line, "column", column), language);
    }
}
