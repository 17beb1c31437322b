package ma.marsad.pipeline.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Where templates, KPI definitions, SQL models and dashboard pages are read from: a folder given with {@code --config
 * DIR} when it has the subfolder asked for, otherwise the files shipped under {@code marsad/} on the classpath.
 *
 * <p>Files are data engineers' files: they are listed by name, in name order, and read as UTF-8 text.
 */
public final class ConfigFolder {

    private static final String CLASSPATH_ROOT = "marsad/";

    private final Path overrideRoot;

    private ConfigFolder(Path overrideRoot) {
        this.overrideRoot = overrideRoot;
    }

    /** The files shipped with Marsad. */
    public static ConfigFolder shipped() {
        return new ConfigFolder(null);
    }

    /** A folder whose subfolders (templates/, kpis/, models/, dashboards/) replace the shipped ones. */
    public static ConfigFolder overriddenBy(Path root) {
        if (root != null && !Files.isDirectory(root)) {
            throw new IllegalArgumentException("--config " + root + " is not a folder");
        }
        return new ConfigFolder(root);
    }

    /** A text file in the configuration, addressed by its path relative to the folder. */
    public record ConfigFile(String relativePath, String location, String content) {

        public String fileName() {
            int slash = relativePath.lastIndexOf('/');
            return slash < 0 ? relativePath : relativePath.substring(slash + 1);
        }
    }

    /** Every file below {@code subfolder} (recursively) whose name ends with {@code suffix}, in path order. */
    public List<ConfigFile> list(String subfolder, String suffix) {
        Optional<Path> override = overrideFor(subfolder);
        TreeMap<String, ConfigFile> files = new TreeMap<>();
        if (override.isPresent()) {
            listDirectory(override.get(), suffix, files);
        } else {
            listClasspath(subfolder, suffix, files);
        }
        return new ArrayList<>(files.values());
    }

    /** One file, or empty when it does not exist. */
    public Optional<ConfigFile> file(String subfolder, String name) {
        return list(subfolder, name).stream()
                .filter(file -> file.relativePath().equals(name))
                .findFirst();
    }

    /** Where a subfolder is read from, for messages. */
    public String describe(String subfolder) {
        return overrideFor(subfolder).map(Path::toString).orElse("classpath:" + CLASSPATH_ROOT + subfolder);
    }

    private Optional<Path> overrideFor(String subfolder) {
        if (overrideRoot == null) {
            return Optional.empty();
        }
        Path candidate = overrideRoot.resolve(subfolder);
        return Files.isDirectory(candidate) ? Optional.of(candidate) : Optional.empty();
    }

    private static void listDirectory(Path root, String suffix, TreeMap<String, ConfigFile> files) {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(Files::isRegularFile)
                    .sorted(Comparator.naturalOrder())
                    .toList()) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                if (relative.endsWith(suffix)) {
                    files.put(
                            relative,
                            new ConfigFile(relative, path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read configuration folder " + root, e);
        }
    }

    private static void listClasspath(String subfolder, String suffix, TreeMap<String, ConfigFile> files) {
        String prefix = CLASSPATH_ROOT + subfolder + "/";
        try {
            Enumeration<URL> roots = ConfigFolder.class.getClassLoader().getResources(CLASSPATH_ROOT + subfolder);
            while (roots.hasMoreElements()) {
                URL url = roots.nextElement();
                if ("file".equals(url.getProtocol())) {
                    listDirectory(Path.of(url.toURI()), suffix, files);
                } else {
                    listJar(url, prefix, suffix, files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list shipped configuration " + prefix, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void listJar(URL url, String prefix, String suffix, TreeMap<String, ConfigFile> files)
            throws IOException {
        if (!(url.openConnection() instanceof JarURLConnection connection)) {
            throw new IOException("cannot list configuration at " + url);
        }
        connection.setUseCaches(false);
        JarFile jar = connection.getJarFile();
        Enumeration<JarEntry> entries = jar.entries();
        while (entries.hasMoreElements()) {
            JarEntry entry = entries.nextElement();
            String name = entry.getName();
            if (!entry.isDirectory() && name.startsWith(prefix) && name.endsWith(suffix)) {
                String relative = name.substring(prefix.length());
                try (var in = jar.getInputStream(entry)) {
                    String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    files.put(relative, new ConfigFile(relative, "classpath:" + name, content));
                }
            }
        }
    }
}
