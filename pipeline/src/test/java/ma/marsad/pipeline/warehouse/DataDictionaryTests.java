package ma.marsad.pipeline.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ma.marsad.pipeline.config.ConfigFolder;
import org.junit.jupiter.api.Test;

class DataDictionaryTests {

    /** The committed dictionary, from the pipeline module folder where Maven runs the tests. */
    private static final Path COMMITTED = Path.of("..", "docs", "data-dictionary.md");

    private final ModelCatalog shipped = ModelCatalog.load(ConfigFolder.shipped());

    @Test
    void documentsEveryModelWithItsGrainColumnsAndTests() {
        String markdown = DataDictionary.render(shipped);

        assertThat(markdown).startsWith("# Marsad warehouse data dictionary");
        for (SqlModel model : shipped.ordered()) {
            assertThat(markdown).contains("\n### " + model.name() + "\n");
            assertThat(markdown).contains("**Grain:** " + model.grain());
        }
        // from fct_egov_requests.yml: a column with its description and its accepted values
        assertThat(markdown)
                .contains("| `channel` | VARCHAR | yes | web, mobile or counter | one of [web, mobile, counter] |");
        // a not_null test makes a column "never" null
        assertThat(markdown).contains("| `request_id` | VARCHAR | never |");
        // published tables come before the build-time views
        assertThat(markdown.indexOf("### fct_egov_requests")).isLessThan(markdown.indexOf("### stg_egov_requests"));
    }

    @Test
    void theCommittedDictionaryIsUpToDate() throws Exception {
        String expected = DataDictionary.render(shipped);
        if (Boolean.getBoolean("marsad.regenerate")) {
            DataDictionary.write(shipped, COMMITTED);
        }
        assertThat(Files.exists(COMMITTED))
                .as("docs/data-dictionary.md is missing: create it with"
                        + " mvn -q -pl pipeline test -Dtest=DataDictionaryTests -Dmarsad.regenerate=true")
                .isTrue();
        assertThat(Files.readString(COMMITTED, StandardCharsets.UTF_8))
                .as("docs/data-dictionary.md is stale (a model .sql or .yml changed): regenerate it with"
                        + " mvn -q -pl pipeline test -Dtest=DataDictionaryTests -Dmarsad.regenerate=true")
                .isEqualTo(expected);
    }
}
