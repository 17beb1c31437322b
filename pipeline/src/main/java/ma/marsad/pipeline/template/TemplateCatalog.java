package ma.marsad.pipeline.template;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.config.YamlDocument;

/**
 * The report templates and the submitters registry of a configuration folder ({@code templates/*.yml} and {@code
 * templates/submitters.yml}), validated when loaded.
 *
 * <pre>{@code
 * TemplateCatalog catalog = TemplateCatalog.load(ConfigFolder.shipped());
 * TemplateContract contract = catalog.contract("egov-requests");
 * }</pre>
 */
public final class TemplateCatalog {

    static final String FOLDER = "templates";
    static final String SUBMITTERS_FILE = "submitters.yml";

    private static final Set<String> SUBMITTERS_KEYS = Set.of("submitters");
    private static final Set<String> SUBMITTER_KEYS = Set.of("code", "name_fr", "name_ar", "encoding");

    private final Map<String, TemplateContract> contracts;
    private final Map<String, Submitter> submitters;

    private TemplateCatalog(Map<String, TemplateContract> contracts, Map<String, Submitter> submitters) {
        this.contracts = contracts;
        this.submitters = submitters;
    }

    /**
     * Loads and checks every contract and the submitters registry.
     *
     * @throws InvalidContractException naming the file, the line and the fix, for the first problem found
     */
    public static TemplateCatalog load(ConfigFolder folder) {
        ConfigFolder.ConfigFile registryFile = folder.file(FOLDER, SUBMITTERS_FILE)
                .orElseThrow(() -> new InvalidContractException(folder.describe(FOLDER) + "/" + SUBMITTERS_FILE
                        + " is missing. Fix: add the submitters registry (see the README of the templates folder)"));
        Map<String, Submitter> submitters = parseSubmitters(registryFile);
        Map<String, Charset> registryEncodings = new LinkedHashMap<>();
        submitters.values().forEach(s -> s.encoding().ifPresent(e -> registryEncodings.put(s.code(), e)));
        Map<String, TemplateContract> contracts = new LinkedHashMap<>();
        for (ConfigFolder.ConfigFile file : folder.list(FOLDER, ".yml")) {
            if (file.fileName().equals(SUBMITTERS_FILE)) {
                continue;
            }
            TemplateContract contract = ContractParser.parse(file, registryEncodings);
            for (String submitter :
                    contract.readerOptions().submitterEncodings().keySet()) {
                if (!submitters.containsKey(submitter)) {
                    throw new InvalidContractException(file.location() + ": submitter_encodings names '" + submitter
                            + "', which is not in " + SUBMITTERS_FILE + ". Fix: register it or remove the line");
                }
            }
            contracts.put(contract.id(), contract);
        }
        if (contracts.isEmpty()) {
            throw new InvalidContractException(
                    "no template in " + folder.describe(FOLDER) + ". Fix: add one <template-id>.yml per template");
        }
        return new TemplateCatalog(contracts, submitters);
    }

    /** The templates and submitters shipped with Marsad. */
    public static TemplateCatalog shipped() {
        return load(ConfigFolder.shipped());
    }

    /** The contract of a template, if there is one with this id. */
    public Optional<TemplateContract> find(String id) {
        return Optional.ofNullable(contracts.get(id));
    }

    /**
     * The contract of a template.
     *
     * @throws IllegalArgumentException naming the known ids when there is none with this id
     */
    public TemplateContract contract(String id) {
        TemplateContract contract = contracts.get(id);
        if (contract == null) {
            throw new IllegalArgumentException(
                    "unknown template '" + id + "'; known templates: " + String.join(", ", contracts.keySet()));
        }
        return contract;
    }

    /** Template ids in file-name order. */
    public List<String> ids() {
        return List.copyOf(contracts.keySet());
    }

    public List<TemplateContract> contracts() {
        return List.copyOf(contracts.values());
    }

    /** The registered submitters, in registry order. */
    public List<Submitter> submitters() {
        return List.copyOf(submitters.values());
    }

    public Optional<Submitter> submitter(String code) {
        return Optional.ofNullable(submitters.get(code));
    }

    public boolean isRegistered(String code) {
        return submitters.containsKey(code);
    }

    private static Map<String, Submitter> parseSubmitters(ConfigFolder.ConfigFile file) {
        YamlDocument.Entry root = YamlDocument.parse(file.location(), file.content());
        Map<String, YamlDocument.Entry> top = root.mapping(SUBMITTERS_KEYS);
        YamlDocument.Entry list = top.get("submitters");
        if (list == null) {
            throw root.error("'submitters' is missing", "start the file with 'submitters:' and one '- code: …' each");
        }
        Map<String, Submitter> submitters = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>();
        for (YamlDocument.Entry item : list.list()) {
            Map<String, YamlDocument.Entry> fields = item.mapping(SUBMITTER_KEYS);
            for (String key : List.of("code", "name_fr", "name_ar")) {
                if (!fields.containsKey(key)) {
                    throw item.error("'" + key + "' is missing for a submitter", "add '" + key + ":'");
                }
            }
            String code = fields.get("code").nonBlankText();
            if (!Submitter.CODE.matcher(code).matches()) {
                throw fields.get("code")
                        .error(
                                "submitter code '" + code + "' is not 2 to 32 upper-case letters, digits or '-'",
                                "rename it");
            }
            if (codes.contains(code)) {
                throw fields.get("code").error("submitter '" + code + "' is registered twice", "keep one entry");
            }
            codes.add(code);
            Optional<Charset> encoding = Optional.empty();
            if (fields.containsKey("encoding")) {
                YamlDocument.Entry encodingEntry = fields.get("encoding");
                String encodingName = encodingEntry.nonBlankText();
                try {
                    encoding = Optional.of(Charset.forName(encodingName));
                } catch (IllegalArgumentException e) {
                    throw encodingEntry.error(
                            "unknown encoding '" + encodingEntry.text() + "'",
                            "use windows-1256, or remove the line for UTF-8");
                }
            }
            submitters.put(
                    code,
                    new Submitter(
                            code,
                            fields.get("name_fr").nonBlankText(),
                            fields.get("name_ar").nonBlankText(),
                            encoding));
        }
        return submitters;
    }
}
