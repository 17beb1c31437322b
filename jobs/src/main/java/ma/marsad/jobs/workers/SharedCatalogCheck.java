package ma.marsad.jobs.workers;

import ma.marsad.jobs.cli.UsageException;
import ma.marsad.jobs.common.MarsadSettings;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

/**
 * Refuses, before any bean starts, a manager or worker whose lake has the Hadoop catalog outside HDFS: several processes
 * then commit to the same Iceberg tables, and only a rename that refuses to replace (HDFS) keeps their commits apart.
 * Checked on the bound settings, so a catalog or lake set in a properties file or the environment counts as one given
 * on the command line.
 */
public final class SharedCatalogCheck implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        Environment environment = event.getEnvironment();
        String role = environment.getProperty(WorkersSettings.ROLE, "local");
        if ("local".equals(role)) {
            return;
        }
        MarsadSettings settings = Binder.get(environment)
                .bind("marsad", MarsadSettings.class)
                .orElseGet(() -> new MarsadSettings(null, null, null, null, null, null, null, null, null, null, null));
        if (settings.catalog() == null && !settings.lake().startsWith("hdfs://")) {
            String option = WorkersSettings.MANAGER.equals(role) ? "--workers" : "worker";
            // abandoned, not failed: Spring would log a usage error as a start-up failure with its stack trace
            RuntimeException abandoned = new SpringApplication.AbandonedRunException();
            abandoned.initCause(new UsageException(option + " has several processes commit to the lake's Iceberg"
                    + " tables: give them the JDBC catalog, --catalog jdbc:postgresql://host/db?user=… or"
                    + " MARSAD_CATALOG (the default Hadoop catalog keeps concurrent commits apart on HDFS only)"));
            throw abandoned;
        }
    }
}
