package ma.marsad.jobs.nightly;

import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the nightly job reads its landing zone, and when a file there counts as complete. */
public class LandingOptions {

    @Option(names = "--landing", paramLabel = "DIR", description = "Landing zone. Default: <work>/landing")
    Path landing;

    @Option(
            names = "--stability-seconds",
            paramLabel = "N",
            description = "Seconds a file without a .done marker must stay unchanged to count as complete. Default: 2")
    Integer stabilitySeconds;

    /** Adds the options given to a job context's properties. */
    public void put(Map<String, Object> properties) {
        if (landing != null) {
            properties.put("marsad.landing", landing.toAbsolutePath().toString());
        }
        if (stabilitySeconds != null) {
            properties.put("marsad.stability-check", stabilitySeconds + "s");
        }
    }
}
