package ma.marsad.jobs.common;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.ingest.RowError;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.ingest.ValidationOutcome;
import ma.marsad.pipeline.ingest.ValidationReport;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.text.CsvText;
import ma.marsad.pipeline.text.HtmlText;

/**
 * Feedback to a submitter whose file was rejected or had rows quarantined: a printable HTML page and a CSV per
 * language (French, Arabic right to left, and English for the site's English pages) under
 * {@code feedback/<submitter>/}, saying what was wrong, where, and how to send the file again. Names and values from the file show control and direction characters as visible escapes,
 * and CSV cells are neutralised against formulas ({@link HtmlText}, {@link CsvText}).
 *
 * @param folder where the reports are written, one sub-folder per submitter
 */
public record FeedbackReports(Path folder, Messages messages, TemplateCatalog templates) {

    private static final List<Language> LANGUAGES = List.of(Language.FR, Language.AR, Language.EN);
    private static final DateTimeFormatter RECEIVED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'xxx").withZone(ZoneId.of("Africa/Casablanca"));

    /** The French HTML report of a submission, relative to the work folder, or null when it needs none. */
    public static String pathOf(SubmissionRecord record) {
        return "accepted".equals(record.status())
                ? null
                : "feedback/" + record.submitter() + "/" + baseName(record) + ".fr.html";
    }

    /** Writes the reports of a submission just ingested (nothing for a clean one or when already known). */
    public void write(SubmissionRecord record, ValidationOutcome outcome) throws IOException {
        if (outcome == null || "accepted".equals(record.status())) {
            return;
        }
        Path submitterFolder = folder.resolve(record.submitter());
        Files.createDirectories(submitterFolder);
        for (Language language : LANGUAGES) {
            String base = baseName(record) + "." + language.tag();
            atomically(submitterFolder.resolve(base + ".html"), html(record, outcome, messages, templates, language));
            atomically(submitterFolder.resolve(base + ".csv"), csv(outcome, messages, language));
        }
    }

    static String baseName(SubmissionRecord record) {
        return record.template() + "-" + (record.period() == null ? "rejected" : record.period()) + "-"
                + record.submissionId().substring(0, 12);
    }

    /** The printable page: summary, the reason a file was refused, warnings, the rows set aside, how to resend. */
    static String html(
            SubmissionRecord record,
            ValidationOutcome outcome,
            Messages messages,
            TemplateCatalog catalog,
            Language language) {
        Words words = new Words(messages, language);
        ValidationReport report = new ValidationReport(messages);
        String files = String.join(" + ", record.fileNames());
        String templateTitle = catalog.find(record.template())
                .map(c -> c.titles().in(language) + " (" + record.template() + ")")
                .orElse(record.template());
        String submitterName = catalog.submitter(record.submitter())
                .map(s -> (language == Language.AR ? s.nameAr() : s.nameFr()) + " (" + s.code() + ")")
                .orElse(record.submitter());
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"")
                .append(language.tag())
                .append("\" dir=\"")
                .append(language.rightToLeft() ? "rtl" : "ltr")
                .append(
                        "\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width\">\n")
                .append("<title>")
                .append(escape(words.of("feedback.title") + " — " + files))
                .append("</title>\n<style>\n")
                .append(STYLE)
                .append("</style>\n</head>\n<body>\n<header><p class=\"brand\">Marsad</p><h1>")
                .append(escape(words.of("feedback.title")))
                .append("</h1></header>\n");

        page.append("<table class=\"summary\">\n");
        summaryRow(page, words.of("report.file"), "<bdi>" + escape(files) + "</bdi>");
        summaryRow(page, words.of("report.template"), escape(templateTitle));
        summaryRow(page, words.of("report.submitter"), escape(submitterName));
        summaryRow(page, words.of("feedback.received"), "<bdi>" + RECEIVED.format(record.receivedAt()) + "</bdi>");
        summaryRow(
                page,
                words.of("report.status"),
                "<strong class=\"" + outcome.status().label() + "\">"
                        + escape(report.status(outcome.status(), language)) + "</strong>");
        if (outcome.period() != null) {
            summaryRow(page, words.of("feedback.period"), "<bdi>" + escape(outcome.period()) + "</bdi>");
        }
        if (outcome.fileErrorCode() == null) {
            summaryRow(
                    page,
                    words.of("feedback.rows"),
                    words.of("feedback.rows_read") + " " + outcome.rowsRead() + " · " + words.of("rows.accepted") + " "
                            + outcome.rowsAccepted() + " · " + words.of("rows.quarantined") + " "
                            + outcome.rowsQuarantined());
        }
        page.append("</table>\n");

        if (outcome.fileErrorCode() != null) {
            page.append("<section class=\"refused\"><h2>")
                    .append(escape(words.of("feedback.why_refused")))
                    .append("</h2>\n<p>")
                    .append(HtmlText.escapeOwnText(report.fileErrorMessage(outcome, language)))
                    .append(" <span class=\"code\">")
                    .append(escape(outcome.fileErrorCode().name()))
                    .append("</span></p>\n<p>")
                    .append(escape(words.of("feedback.nothing_loaded")))
                    .append("</p></section>\n");
        }
        if (!outcome.warnings().isEmpty()) {
            page.append("<section><h2>")
                    .append(escape(words.of("feedback.warnings")))
                    .append("</h2>\n<ul>\n");
            for (ValidationOutcome.Warning warning : outcome.warnings()) {
                page.append("<li>")
                        .append(HtmlText.escapeOwnText(messages.message(warning.code(), warning.arguments(), language)))
                        .append("</li>\n");
            }
            page.append("</ul></section>\n");
        }
        if (!outcome.rowErrors().isEmpty()) {
            page.append("<section><h2>")
                    .append(escape(words.of("feedback.rows_set_aside")))
                    .append("</h2>\n");
            Map<ReasonCode, Integer> byCode = new LinkedHashMap<>();
            outcome.rowErrors().forEach(e -> byCode.merge(e.code(), 1, Integer::sum));
            page.append("<p>").append(escape(words.of("feedback.by_kind"))).append(" ");
            byCode.forEach((code, count) -> page.append("<span class=\"code\">")
                    .append(escape(code.name()))
                    .append(" × ")
                    .append(count)
                    .append("</span> "));
            page.append("</p>\n<table class=\"errors\">\n<thead><tr><th>")
                    .append(escape(words.of("feedback.data_row")))
                    .append("</th><th>")
                    .append(escape(words.of("feedback.place")))
                    .append("</th><th>")
                    .append(escape(words.of("report.column")))
                    .append("</th><th>")
                    .append(escape(words.of("feedback.value")))
                    .append("</th><th>")
                    .append(escape(words.of("feedback.problem")))
                    .append("</th></tr></thead>\n<tbody>\n");
            for (RowError error : outcome.rowErrors()) {
                page.append("<tr><td>")
                        .append(error.row())
                        .append("</td><td><bdi>")
                        .append(escape(error.cell() == null ? "" : messages.place(error.cell(), language)))
                        .append("</bdi></td><td><bdi>")
                        .append(escape(error.header() != null ? error.header() : error.column()))
                        .append("</bdi></td><td><bdi class=\"value\">")
                        .append(escape(error.value()))
                        .append("</bdi></td><td>")
                        .append(HtmlText.escapeOwnText(report.rowErrorMessage(error, language)))
                        .append("</td></tr>\n");
            }
            page.append("</tbody>\n</table>\n");
            if (outcome.rowErrorsTruncated()) {
                page.append("<p>").append(escape(words.truncated())).append("</p>\n");
            }
            page.append("</section>\n");
        }
        page.append("<section class=\"howto\"><h2>")
                .append(escape(words.of("feedback.how_to_fix")))
                .append("</h2>\n<ol>\n");
        for (String step : words.steps()) {
            page.append("<li>").append(escape(step)).append("</li>\n");
        }
        page.append("</ol></section>\n</body>\n</html>\n");
        return page.toString();
    }

    private static void summaryRow(StringBuilder page, String label, String html) {
        page.append("<tr><th scope=\"row\">")
                .append(escape(label))
                .append("</th><td>")
                .append(html)
                .append("</td></tr>\n");
    }

    /** One line per finding: the file error, the warnings, then the rows set aside. */
    static String csv(ValidationOutcome outcome, Messages messages, Language language) {
        Words words = new Words(messages, language);
        ValidationReport report = new ValidationReport(messages);
        StringBuilder csv = new StringBuilder(words.of("feedback.csv_header")).append('\n');
        if (outcome.fileErrorCode() != null) {
            csv.append(",,,,,")
                    .append(CsvText.cell(outcome.fileErrorCode().name()))
                    .append(",,")
                    .append(CsvText.ownTextCell(report.fileErrorMessage(outcome, language)))
                    .append('\n');
        }
        for (ValidationOutcome.Warning warning : outcome.warnings()) {
            csv.append(",,,,,")
                    .append(CsvText.cell(warning.code().name()))
                    .append(",,")
                    .append(CsvText.ownTextCell(messages.message(warning.code(), warning.arguments(), language)))
                    .append('\n');
        }
        for (RowError error : outcome.rowErrors()) {
            csv.append(error.row())
                    .append(',')
                    .append(error.line())
                    .append(',')
                    .append(CsvText.cell(error.cell()))
                    .append(',')
                    .append(CsvText.cell(error.column()))
                    .append(',')
                    .append(CsvText.cell(error.header()))
                    .append(',')
                    .append(CsvText.cell(error.code().name()))
                    .append(',')
                    .append(CsvText.cell(error.value()))
                    .append(',')
                    .append(CsvText.ownTextCell(report.rowErrorMessage(error, language)))
                    .append('\n');
        }
        return csv.toString();
    }

    private static String escape(String text) {
        return HtmlText.escape(text);
    }

    private static void atomically(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            if (target.toString().endsWith(".csv")) {
                writer.write('\uFEFF'); // spreadsheets then read the Arabic as UTF-8
            }
            writer.write(content);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static final String STYLE = """
            body{font-family:system-ui,"Segoe UI","Noto Sans","Noto Naskh Arabic",Tahoma,sans-serif;margin:2rem auto;
            max-width:60rem;color:#1a1a1a;line-height:1.5;padding:0 1rem}
            .brand{color:#555;margin:0;font-size:.9rem;letter-spacing:.05em}
            h1{margin:.2rem 0 1rem;font-size:1.5rem}h2{font-size:1.15rem;margin-top:1.8rem}
            table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.35rem .6rem;
            text-align:start;vertical-align:top}th{background:#eee}
            .summary th{width:12rem}.errors td:first-child{white-space:nowrap}
            .refused{border-inline-start:.35rem solid #a30000;padding-inline-start:1rem}
            .rejected{color:#a30000}.accepted_with_quarantine{color:#8a5a00}
            .code{font-family:monospace;font-size:.85rem;background:#f3f3f3;padding:0 .3rem;white-space:nowrap}
            .value{font-family:monospace;white-space:pre-wrap}
            @media print{body{margin:0;max-width:none;font-size:10pt}thead{display:table-header-group}
            tr{break-inside:avoid}h2{break-after:avoid}}
            """;

    /** The words of the reports in one language, from the message files. */
    private record Words(Messages messages, Language language) {

        String of(String key) {
            return messages.phrase(key, language);
        }

        String truncated() {
            return messages.phrase("feedback.truncated", Map.of("max", SubmissionValidator.MAX_ROW_ERRORS), language);
        }

        List<String> steps() {
            return List.of(of("feedback.step.fix"), of("feedback.step.resend"), of("feedback.step.check"));
        }
    }
}
