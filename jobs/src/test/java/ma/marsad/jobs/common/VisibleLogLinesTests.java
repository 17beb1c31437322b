package ma.marsad.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The text log lines of the shipped Logback configurations, each on a logger context of its own. */
class VisibleLogLinesTests {

    @Test
    void aNewlineOrDirectionControlInALoggedNameGivesOneLineWithEscapes() throws Exception {
        // when
        String logged = log(cliConfiguration(), log -> {
            log.warn("skipped {}: unsafe file name", "x.csv\n01:02:03.456 ERROR Forged\r line");
            log.warn("read {}", "demandes-\u202Evsc.txt");
            log.warn("قراءة «{}»", "تقرير ٢٠٣٠.csv");
        });

        // then
        String[] lines = logged.split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .contains("WARN")
                .endsWith("skipped x.csv<U+000A>01:02:03.456 ERROR Forged<U+000D> line: unsafe file name");
        assertThat(lines[1]).endsWith("read demandes-<U+202E>vsc.txt");
        assertThat(lines[2]).endsWith("قراءة «تقرير ٢٠٣٠.csv»");
    }

    @Test
    void theJobLogShowsMessagesAndExceptionMessagesVisiblyAndKeepsTheStackTrace() throws Exception {
        // when
        String logged = log(jobTextConfiguration(), log -> {
            log.info("ingesting {}", "a.csv\n01:02:03.456 INFO  Forged");
            log.error(
                    "submission failed",
                    new IllegalStateException(
                            "cannot read b.csv\n01:02:03.456 INFO  Forged", new java.io.IOException("c\u202Evsc.txt")));
        });

        // then
        assertThat(logged.lines()).noneMatch(line -> line.startsWith("01:02:03.456 INFO  Forged"));
        assertThat(logged)
                .contains("ingesting a.csv<U+000A>01:02:03.456 INFO  Forged")
                .contains("java.lang.IllegalStateException: cannot read b.csv<U+000A>01:02:03.456 INFO  Forged")
                .contains("Caused by: java.io.IOException: c<U+202E>vsc.txt")
                .contains("\tat ma.marsad.jobs.common.VisibleLogLinesTests")
                .doesNotContain("\u202E");
    }

    private static InputStream cliConfiguration() {
        return VisibleLogLinesTests.class.getResourceAsStream("/marsad-cli-logback.xml");
    }

    /** logback-spring.xml with its text appender only, as Spring Boot selects it without the json-logs profile. */
    private static InputStream jobTextConfiguration() throws Exception {
        String xml;
        try (InputStream in = VisibleLogLinesTests.class.getResourceAsStream("/logback-spring.xml")) {
            xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String textOnly = xml.replaceAll("(?s)<springProfile name=\"json-logs\">.*?</springProfile>", "")
                .replace("<springProfile name=\"!json-logs\">", "")
                .replace("</springProfile>", "");
        return new ByteArrayInputStream(textOnly.getBytes(StandardCharsets.UTF_8));
    }

    /** What the configuration writes to standard error while {@code logging} runs. */
    private static String log(InputStream configuration, Consumer<Logger> logging) throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try (configuration) {
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(configuration);
            logging.accept(context.getLogger("ma.marsad.jobs.nightly.IngestSubmissionTasklet"));
        } finally {
            System.setErr(standardError);
            context.stop();
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
