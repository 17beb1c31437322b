package ma.marsad.jobs.validate;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import ma.marsad.jobs.cli.UsageException;
import ma.marsad.pipeline.config.ConfigFolder;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.RowSink;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.ingest.ValidationOutcome;
import ma.marsad.pipeline.ingest.ValidationReport;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code marsad validate}: checks files against a template without loading anything, for submitters and automation.
 * With {@code --format json} standard output carries exactly one JSON array; everything else goes to standard error.
 */
@Command(
        name = "validate",
        mixinStandardHelpOptions = true,
        description = {
            "Checks report files against a template without loading anything.",
            "Exit: 0 all accepted, 3 some rows quarantined (no file rejected), 4 a file rejected, 2 usage error."
        })
public class ValidateCommand implements Callable<Integer> {

    @Option(
            names = "--template",
            required = true,
            paramLabel = "TEMPLATE_ID",
            description = "Template id, e.g. egov-requests")
    String template;

    @Option(
            names = "--submitter",
            required = true,
            paramLabel = "CODE",
            description = "Registered submitter code, e.g. ADD")
    String submitter;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json")
    String format = "text";

    @Option(names = "--lang", paramLabel = "LANG", description = "Language of the messages: fr (default), ar or en")
    String lang = "fr";

    @Option(names = "--config", paramLabel = "DIR", description = "Folder whose templates/ replace the shipped ones")
    Path config;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Files to check, in the order reported")
    List<String> files;

    @Override
    public Integer call() throws Exception {
        if (!List.of("text", "json").contains(format)) {
            throw new UsageException("--format is text or json, not " + format);
        }
        Language language =
                Language.fromTag(lang).orElseThrow(() -> new UsageException("--lang is fr, ar or en, not " + lang));
        ConfigFolder folder = config == null ? ConfigFolder.shipped() : ConfigFolder.overriddenBy(config);
        TemplateCatalog catalog = TemplateCatalog.load(folder);
        TemplateContract contract = catalog.find(template)
                .orElseThrow(() -> new UsageException(
                        "unknown template '" + template + "'; known templates: " + String.join(", ", catalog.ids())));
        if (!catalog.isRegistered(submitter)) {
            throw new UsageException("unknown submitter '" + submitter + "'; register it in the submitters file first");
        }
        for (String file : files) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("no such file: " + file);
            }
        }
        Messages messages = Messages.load(folder);
        SubmissionValidator validator = new SubmissionValidator(catalog, ReportReaders::open);
        List<ValidationReport.Entry> entries = new ArrayList<>();
        for (String file : files) {
            entries.add(new ValidationReport.Entry(file, template, submitter, validateOne(validator, contract, file)));
        }
        ValidationReport report = new ValidationReport(messages);
        PrintStream out = System.out;
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        if ("json".equals(format)) {
            report.writeJson(entries, language, writer);
        } else {
            writer.write(report.text(entries, language));
        }
        writer.flush();
        return ValidationReport.exitStatus(entries);
    }

    /** Validates one file; a failure no input should cause is reported as a rejection, never as a crash. */
    private ValidationOutcome validateOne(SubmissionValidator validator, TemplateContract contract, String file) {
        Path path = Path.of(file);
        try {
            return validator.validate(
                    contract, submitter, List.of(path), path.getFileName().toString(), RowSink.DISCARD);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            return ValidationOutcome.rejected(
                    ReasonCode.UNREADABLE_FILE,
                    Map.of("detail", e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }
}
