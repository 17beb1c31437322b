package ma.marsad.pipeline.warehouse;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import ma.marsad.pipeline.config.ConfigFolder;

/**
 * A SHA-256 of everything a warehouse is computed with besides the lake: the template, macro, model, KPI and calendar files
 * (path and content, as the configuration folder resolves them) and the version of Marsad's build logic. A published
 * warehouse built with another fingerprint is not started from: the night rebuilds from the whole lake.
 */
public final class DefinitionsFingerprint {

    /** Raised whenever Java code changes what a build or the scoring writes, so older warehouses are rebuilt. */
    static final String BUILD_LOGIC_VERSION = "1";

    static final List<String> DEFINITION_FOLDERS = List.of("templates", "macros", "models", "kpis", "calendar");

    private DefinitionsFingerprint() {}

    public static String of(ConfigFolder config) {
        MessageDigest digest = sha256();
        update(digest, "build-logic " + BUILD_LOGIC_VERSION);
        update(
                digest,
                "marsad "
                        + Objects.requireNonNullElse(
                                DefinitionsFingerprint.class.getPackage().getImplementationVersion(), "dev"));
        for (String folder : DEFINITION_FOLDERS) {
            for (ConfigFolder.ConfigFile file : config.list(folder, "")) {
                update(digest, folder + "/" + file.relativePath());
                update(digest, file.content());
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static void update(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        // the length first, so that no two sequences of texts hash the same bytes
        digest.update(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
        digest.update((byte) 0);
        digest.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
