package ma.marsad.jobs.common;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import ma.marsad.pipeline.ingest.RowError;
import ma.marsad.pipeline.ingest.ValidationOutcome;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.quality.Language;
import ma.marsad.pipeline.quality.Messages;

/**
 * Feedback to a submitter whose file was rejected or had rows quarantined: an HTML page and a CSV per language
 * (French and Arabic) under {@code feedback/<submitter>/}, listing each problem with its cell. Raw values echoed in the
 * CSV are neutralised against formula injection.
 */
public final class FeedbackReports {

    private static final List<Language> LANGUAGES = List.of(Language.FR, Language.AR);

    private FeedbackReports() {}

    /** The French HTML report of a submission, relative to the work folder, or null when it needs none. */
    public static Function<SubmissionRecord, String> pathOf(Path feedbackFolder) {
        return record -> "accepted".equals(record.status())
                ? null
                : "feedback/" + record.submitter() + "/" + baseName(record) + ".fr.html";
    }

    /** Writes the reports of a submission just ingested (nothing for a clean one or when already known). */
    public static void write(PipelineServices services, SubmissionRecord record, ValidationOutcome outcome)
            throws IOException {
        if (outcome == null || "accepted".equals(record.status())) {
            return;
        }
        Path folder = services.settings().feedback().resolve(record.submitter());
        Files.createDirectories(folder);
        Messages messages = services.messages();
        for (Language language : LANGUAGES) {
            String base = baseName(record) + "." + language.tag();
            atomically(folder.resolve(base + ".html"), html(record, outcome, messages, language));
            atomically(folder.resolve(base + ".csv"), csv(outcome, messages, language));
        }
    }

    static String baseName(SubmissionRecord record) {
        return record.template() + "-" + (record.period() == null ? "rejected" : record.period()) + "-"
                + record.submissionId().substring(0, 12);
    }

    private static String html(
            SubmissionRecord record, ValidationOutcome outcome, Messages messages, Language language) {
        boolean arabic = language == Language.AR;
        StringBuilder page = new StringBuilder();
        page.append("<!DOCTYPE html>\n<html lang=\"")
                .append(language.tag())
                .append("\" dir=\"")
                .append(arabic ? "rtl" : "ltr")
                .append("\">\n<head><meta charset=\"utf-8\"><title>Marsad — ")
                .append(escape(String.join(" + ", record.fileNames())))
                .append("</title>\n<style>body{font-family:system-ui,sans-serif;margin:2rem;color:#1a1a1a}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #888;padding:.3rem .6rem;"
                        + "text-align:start}th{background:#eee}.rejected{color:#a30000;font-weight:bold}</style>"
                        + "</head>\n<body>\n");
        page.append("<h1>")
                .append(escape(String.join(" + ", record.fileNames())))
                .append("</h1>\n<p>")
                .append(escape(record.template()))
                .append(" · ")
                .append(escape(record.submitter()))
                .append(" · ")
                .append(arabic ? "الحالة: " : "statut : ")
                .append(escape(record.status()))
                .append("</p>\n");
        if (outcome.fileErrorCode() != null) {
            page.append("<p class=\"rejected\">")
                    .append(escape(messages.message(outcome.fileErrorCode(), outcome.fileErrorArguments(), language)))
                    .append("</p>\n");
        } else {
            page.append("<p>")
                    .append(arabic ? "الأسطر المقروءة: " : "lignes lues : ")
                    .append(outcome.rowsRead())
                    .append(arabic ? "، المقبولة: " : ", acceptées : ")
                    .append(outcome.rowsAccepted())
                    .append(arabic ? "، في الحجر: " : ", en quarantaine : ")
                    .append(outcome.rowsQuarantined())
                    .append("</p>\n");
        }
        if (!outcome.rowErrors().isEmpty()) {
            page.append("<table>\n<tr><th>")
                    .append(arabic ? "السطر" : "ligne")
                    .append("</th><th>")
                    .append(arabic ? "الخلية" : "cellule")
                    .append("</th><th>")
                    .append(arabic ? "العمود" : "colonne")
                    .append("</th><th>")
                    .append(arabic ? "القيمة" : "valeur")
                    .append("</th><th>")
                    .append(arabic ? "المشكل" : "problème")
                    .append("</th></tr>\n");
            for (RowError error : outcome.rowErrors()) {
                page.append("<tr><td>")
                        .append(error.row())
                        .append("</td><td>")
                        .append(escape(error.cell()))
                        .append("</td><td>")
                        .append(escape(error.header() != null ? error.header() : error.column()))
                        .append("</td><td><bdi>")
                        .append(escape(error.value()))
                        .append("</bdi></td><td>")
                        .append(escape(messages.message(error.code(), arguments(error), language)))
                        .append("</td></tr>\n");
            }
            page.append("</table>\n");
            if (outcome.rowErrorsTruncated()) {
                page.append(
                        arabic
                                ? "<p>تم عرض أول 1000 مشكل فقط.</p>\n"
                                : "<p>Seuls les 1 000 premiers problèmes sont listés.</p>\n");
            }
        }
        return page.append("</body>\n</html>\n").toString();
    }

    private static String csv(ValidationOutcome outcome, Messages messages, Language language) {
        StringBuilder csv = new StringBuilder("row,line,cell,column,header,code,value,message\n");
        if (outcome.fileErrorCode() != null) {
            csv.append(",,,,,")
                    .append(cell(outcome.fileErrorCode()))
                    .append(",,")
                    .append(cell(messages.message(outcome.fileErrorCode(), outcome.fileErrorArguments(), language)))
                    .append('\n');
        }
        for (RowError error : outcome.rowErrors()) {
            csv.append(error.row())
                    .append(',')
                    .append(error.line())
                    .append(',')
                    .append(cell(error.cell()))
                    .append(',')
                    .append(cell(error.column()))
                    .append(',')
                    .append(cell(error.header()))
                    .append(',')
                    .append(cell(error.code()))
                    .append(',')
                    .append(cell(error.value()))
                    .append(',')
                    .append(cell(messages.message(error.code(), arguments(error), language)))
                    .append('\n');
        }
        return csv.toString();
    }

    private static Map<String, Object> arguments(RowError error) {
        Map<String, Object> arguments = new HashMap<>(error.arguments());
        arguments.putIfAbsent("cell", error.cell());
        arguments.putIfAbsent("column", error.column());
        arguments.putIfAbsent("value", error.value());
        arguments.putIfAbsent("header", error.header());
        return arguments;
    }

    /** A CSV cell, quoted, with text that a spreadsheet would run as a formula prefixed by a quote. */
    static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }

    private static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;")
                .replace("<", "&lt;")
                .replace(">", "&gt;")
                .replace("\"", "&quot;");
    }

    private static void atomically(Path target, String content) throws IOException {
        Path temporary = target.resolveSibling(target.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            if (target.toString().endsWith(".csv")) {
                writer.write('\uFEFF');
            }
            writer.write(content);
        }
        Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
