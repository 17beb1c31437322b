package ma.marsad.jobs.validate;

import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.SubmitterTemplates;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code marsad template}: writes an empty template for submitters, with the headers on the declared row and every
 * column described in French and Arabic (a second sheet in XLSX, a sibling {@code .description.csv} otherwise).
 */
@Command(
        name = "template",
        mixinStandardHelpOptions = true,
        description = {
            "Writes an empty report template for submitters, with every column described in French and Arabic.",
            "XLSX: the data sheet (headers on the declared row, dropdowns for lists) and a description sheet.",
            "CSV and JSON: the template and its descriptions in <name>.description.csv next to it.",
            "Exit: 0 written, 2 usage error (unknown template, format the template does not accept)."
        })
public class TemplateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "TEMPLATE_ID", description = "Template id, e.g. telecom-quarterly")
    String template;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            description = "xlsx, csv or json; default: the first format the template accepts")
    String format;

    @Option(
            names = "--output",
            paramLabel = "FILE",
            description = "File to write; default: <template-id>.<format> in the current folder")
    Path output;

    @Option(
            names = "--submitter",
            paramLabel = "CODE",
            description = "For CSV: write in this submitter's encoding (e.g. OFPPT: Windows-1256); default UTF-8")
    String submitter;

    @Option(
            names = "--config",
            paramLabel = "DIR",
            description = "Folder whose templates/ and messages/ replace the shipped ones")
    Path config;

    @Override
    public Integer call() throws Exception {
        ConfigFolder folder = config == null ? ConfigFolder.shipped() : ConfigFolder.overriddenBy(config);
        TemplateCatalog catalog = TemplateCatalog.load(folder);
        TemplateContract contract = catalog.find(template)
                .orElseThrow(() -> new UsageException(
                        "unknown template '" + template + "'; known templates: " + String.join(", ", catalog.ids())));
        String chosen = format == null ? contract.formats().get(0) : format;
        if (!List.of("xlsx", "csv", "json").contains(chosen)) {
            throw new UsageException("--format is xlsx, csv or json, not " + chosen);
        }
        if (!contract.accepts(chosen)) {
            throw new UsageException("template " + template + " is sent as " + String.join(" or ", contract.formats())
                    + ", not " + chosen + "; use --format " + contract.formats().get(0));
        }
        if (submitter != null && !catalog.isRegistered(submitter)) {
            throw new UsageException("unknown submitter '" + submitter + "'; register it in the submitters file first");
        }
        Path file = output == null ? Path.of(template + "." + chosen) : output;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            throw new UsageException("no such folder: " + parent + "; create it or choose another --output");
        }
        SubmitterTemplates templates = new SubmitterTemplates(Messages.load(folder));
        switch (chosen) {
            case "xlsx" -> templates.writeXlsx(contract, file);
            case "csv" -> {
                Charset charset =
                        submitter == null ? contract.readerOptions().encoding() : contract.encodingFor(submitter);
                templates.writeCsv(contract, charset, file);
            }
            default -> templates.writeJson(contract, file);
        }
        System.out.println(file);
        if (!chosen.equals("xlsx")) {
            System.out.println(SubmitterTemplates.descriptionFileOf(file));
        }
        return 0;
    }
}
