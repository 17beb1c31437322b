package ma.marsad.jobs.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import ma.marsad.jobs.common.ExitCodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunMetricsTests {

    @TempDir
    Path work;

    @Test
    void aRunIsWrittenAsPrometheusTextWithItsCounters() throws Exception {
        var facts = new RunMetrics.RunFacts(
                null,
                true,
                ExitCodes.SUCCESS_WITH_FINDINGS,
                Duration.ofSeconds(42),
                Map.of("accepted", 210L, "rejected", 4L),
                Map.of("loaded", 113_440L, "quarantined", 7L),
                Map.of("on_track", 7L, "off_track", 12L));

        Path file = RunMetrics.write(work, facts);

        assertThat(file).isEqualTo(work.resolve("metrics/marsad.prom"));
        assertThat(work.resolve("metrics")).isDirectoryNotContaining("glob:**.tmp");
        var parsed = PrometheusText.parse(Files.readString(file));
        assertThat(parsed.samples())
                .containsEntry("marsad_files_total{outcome=\"accepted\"}", 210.0)
                .containsEntry("marsad_files_total{outcome=\"rejected\"}", 4.0)
                .containsEntry("marsad_rows_total{outcome=\"loaded\"}", 113_440.0)
                .containsEntry("marsad_rows_total{outcome=\"quarantined\"}", 7.0)
                .containsEntry("marsad_kpi_status{status=\"off_track\"}", 12.0)
                .containsEntry("marsad_run_exit_code", 3.0)
                .containsEntry("marsad_run_success", 1.0)
                .containsEntry("marsad_run_duration_seconds", 42.0)
                .containsKey("marsad_run_last_success_timestamp_seconds");
        assertThat(parsed.types()).containsEntry("marsad_files_total", "counter");
    }

    @Test
    void aFailedRunKeepsTheTimeOfTheLastSuccess() throws Exception {
        var success = new RunMetrics.RunFacts(
                null, true, ExitCodes.SUCCESS, Duration.ofSeconds(1), Map.of(), Map.of(), Map.of());
        double lastSuccess = PrometheusText.parse(Files.readString(RunMetrics.write(work, success)))
                .samples()
                .get("marsad_run_last_success_timestamp_seconds");
        var failure = new RunMetrics.RunFacts(
                null, false, ExitCodes.FAILURE, Duration.ofSeconds(1), Map.of(), Map.of(), Map.of());

        var parsed = PrometheusText.parse(Files.readString(RunMetrics.write(work, failure)));

        assertThat(parsed.samples())
                .containsEntry("marsad_run_success", 0.0)
                .containsEntry("marsad_run_exit_code", 1.0)
                .containsEntry("marsad_run_last_success_timestamp_seconds", lastSuccess);
    }

    @Test
    void theParserRefusesWhatTheCollectorWouldRefuse() {
        assertThatThrownBy(() -> PrometheusText.parse("marsad_x 1\n")).hasMessageContaining("without a TYPE");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE marsad_x gauge\nmarsad_x{a=b} 1\n"))
                .hasMessageContaining("bad labels");
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE marsad_x gauge\nmarsad_x one\n"))
                .isInstanceOf(NumberFormatException.class);
        assertThatThrownBy(() -> PrometheusText.parse("# TYPE marsad_x gauge\nmarsad_x 1"))
                .hasMessageContaining("newline");
    }
}
