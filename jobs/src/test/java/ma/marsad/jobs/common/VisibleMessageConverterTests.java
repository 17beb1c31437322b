package ma.marsad.jobs.common;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;

/** The command-line logging configuration as shipped, on a logger context of its own. */
class VisibleMessageConverterTests {

    @Test
    void aNewlineOrDirectionControlInALoggedNameGivesOneLineWithEscapes() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream standardError = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        try {
            // given
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(getClass().getResource("/marsad-cli-logback.xml"));
            Logger log = context.getLogger("ma.marsad.jobs.validate.ValidateCommand");

            // when
            log.warn("skipped {}: unsafe file name", "x.csv\n01:02:03.456 ERROR Forged\r line");
            log.warn("read {}", "demandes-\u202Evsc.txt");
            log.warn("قراءة «{}»", "تقرير ٢٠٣٠.csv");
        } finally {
            System.setErr(standardError);
            context.stop();
        }

        // then
        String[] lines = captured.toString(StandardCharsets.UTF_8).split("\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0])
                .contains("WARN")
                .endsWith("skipped x.csv<U+000A>01:02:03.456 ERROR Forged<U+000D> line: unsafe file name");
        assertThat(lines[1]).endsWith("read demandes-<U+202E>vsc.txt");
        assertThat(lines[2]).endsWith("قراءة «تقرير ٢٠٣٠.csv»");
    }
}
