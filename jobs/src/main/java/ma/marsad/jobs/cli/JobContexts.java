package ma.marsad.jobs.cli;

import java.util.Map;
import ma.marsad.jobs.MarsadApplication;
import ma.marsad.jobs.workers.SharedCatalogCheck;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts the Spring Boot context (Batch, job repository, pipeline services) for commands that run jobs. */
public final class JobContexts {

    private JobContexts() {}

    public static ConfigurableApplicationContext start(Map<String, Object> properties) {
        SpringApplication application = new SpringApplication(MarsadApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.addListeners(new SharedCatalogCheck());
        String[] arguments = properties.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        // the command-line logging set-up hands over to Spring Boot's (logback-spring.xml) from here
        System.clearProperty("logback.configurationFile");
        return application.run(arguments);
    }
}
