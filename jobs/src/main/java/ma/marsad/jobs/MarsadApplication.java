package ma.marsad.jobs;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The {@code marsad} command line. Commands that run a job start a Spring Boot context with Spring Batch and its JDBC
 * job repository; the others ({@code validate}, {@code template}, {@code --help}) run without it, so they answer fast.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MarsadApplication {

    public static void main(String[] args) {
        // Until a job context configures logging, log warnings to standard error only.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "marsad-cli-logback.xml");
        }
        System.exit(MarsadCommand.run(args));
    }
}
