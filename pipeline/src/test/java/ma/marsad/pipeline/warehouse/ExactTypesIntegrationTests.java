package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import ma.marsad.pipeline.ingest.LandingScanner;
import ma.marsad.pipeline.ingest.ReportReaders;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.ingest.SubmissionValidator;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.SubmissionRegistry;
import ma.marsad.pipeline.quality.Messages;
import ma.marsad.pipeline.template.TemplateCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Amounts go from a submitted file through the lake's DOUBLE into the warehouse as {@code DECIMAL(18,2)}: sums are the
 * sums of the submitted digits (with DOUBLE, 0.10 + 0.20 is 0.30000000000000004), and a third decimal is quarantined.
 * Instants are {@code TIMESTAMP WITH TIME ZONE}, read in a UTC session whatever the machine's zone.
 */
class ExactTypesIntegrationTests {

    @TempDir
    Path folder;

    @Test
    void amountsAreSummedExactlyAndAThirdDecimalIsQuarantined() throws Exception {
        // given MEF's figures for 2025: three amounts with centimes, and one with a third decimal
        Files.writeString(
                Files.createDirectories(folder.resolve("landing/digital-economy-annual/MEF"))
                        .resolve("economie-2025.csv"),
                String.join(
                        "\n",
                        "annee;indicateur;valeur;unite;source",
                        "2025;exportations_numeriques;0,10;MAD;MEF",
                        "2025;contribution_pib_numerique;0,20;MAD;MEF",
                        "2025;contribution_pib_ia;1 234 567 890,07;MAD;MEF",
                        "2025;budget_programme_engage;10,125;MAD;MEF",
                        ""),
                StandardCharsets.UTF_8);

        // when it is ingested into a lake and the warehouse is built
        Path warehouse = build();

        // then the fact and history tables hold DECIMAL(18,2) and their sums are exact
        try (Connection connection = WarehouseBuilder.openReadOnly(warehouse);
                Statement statement = connection.createStatement()) {
            for (String table : List.of("fct_digital_economy_annual", "hist_digital_economy_annual")) {
                assertThat(
                                text(
                                        statement,
                                        "select any_value(typeof(valeur)) || ' ' || sum(valeur) from " + table
                                                + " where indicateur in ('exportations_numeriques', 'contribution_pib_numerique')"))
                        .containsExactly("DECIMAL(18,2) 0.30");
                assertThat(text(statement, "select sum(valeur)::varchar from " + table))
                        .containsExactly("1234567890.37");
            }
            // and the submission's instants have a zone, shown in UTC by the warehouse's sessions
            assertThat(text(statement, "select current_setting('TimeZone')")).containsExactly("UTC");
            assertThat(text(
                            statement,
                            "select typeof(received_at) || ' ' || typeof(valid_from) || ' '"
                                    + " || (received_at::varchar like '% %+00') from submission"))
                    .containsExactly("TIMESTAMP WITH TIME ZONE TIMESTAMP WITH TIME ZONE true");
            // and the row with 10,125 is quarantined, naming its cell, in three languages
            assertThat(text(
                            statement,
                            "select reason_code || ' | ' || message_fr || ' | ' || message_en from quarantine"))
                    .singleElement()
                    .asString()
                    .startsWith("TOO_MANY_DECIMALS | ligne 5, colonne 3 (valeur) : « 10,125 » a plus de 2 chiffres")
                    .contains("\"10,125\" has more than 2 digits after the decimal point");
        }
    }

    private Path build() throws Exception {
        TemplateCatalog catalog = TemplateCatalog.shipped();
        Lake lake = Lake.local(folder.resolve("lake"));
        SubmissionRegistry registry = new SubmissionRegistry(lake);
        SubmissionIngester ingester = new SubmissionIngester(
                lake, registry, catalog, new SubmissionValidator(catalog, ReportReaders::open), Messages.shipped());
        for (LandingScanner.LandingSubmission submission : new LandingScanner(Set.copyOf(catalog.ids()), Duration.ZERO)
                .scan(folder.resolve("landing"))
                .submissions()) {
            ingester.ingest(submission, LandingScanner.submissionId(submission.parts()));
        }
        Path target = folder.resolve("warehouse.duckdb");
        TestWarehouses.builder(lake, catalog).build(registry.snapshot(), target, folder.resolve("cache"));
        return target;
    }

    private static List<String> text(Statement statement, String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                values.add(result.getString(1));
            }
        }
        return values;
    }
}
