package ma.marsad.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every configuration file is read through {@link YamlDocument}: each problem names the file and the line. */
class YamlDocumentTests {

    @Test
    void invalidYamlIsRefusedAtItsLine() {
        assertThatThrownBy(() -> YamlDocument.parse("kpis/bad.yml", "pillar: egov\nkpis:\n  - id: [EGOV-01\n"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("kpis/bad.yml:4: not valid YAML");
    }

    @Test
    void aKeyWrittenTwiceIsRefusedAtItsSecondLine() {
        YamlDocument.Entry root = YamlDocument.parse("calendar/twice.yml", "expectations: []\nexpectations: []\n");

        assertThatThrownBy(() -> root.mapping(Set.of("expectations")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("calendar/twice.yml:2: key 'expectations' appears twice");
    }

    @Test
    void anEmptyFileIsRefusedAtItsFirstLine() {
        assertThatThrownBy(() -> YamlDocument.parse("models/marts/empty.yml", "# nothing yet\n"))
                .hasMessageStartingWith("models/marts/empty.yml:1: the file is empty");
    }

    @Test
    void anUnknownKeyIsRefusedAtItsLineWithTheNearestKnownOne() {
        YamlDocument.Entry root = YamlDocument.parse("dashboards/10-page.yml", "title: Accueil\npanles: []\n");

        assertThatThrownBy(() -> root.mapping(Set.of("title", "panels")))
                .hasMessageStartingWith("dashboards/10-page.yml:2: unknown key 'panles'")
                .hasMessageContaining("did you mean 'panels'?");
    }

    @Test
    void scalarsAreReadAsWritten() {
        YamlDocument.Entry root = YamlDocument.parse("templates/t.yml", "a: no\nb: 2024-01-01\n");

        assertThat(root.mapping(Set.of("a", "b")))
                .hasEntrySatisfying("a", entry -> assertThat(entry.text()).isEqualTo("no"))
                .hasEntrySatisfying("b", entry -> assertThat(entry.text()).isEqualTo("2024-01-01"));
    }
}
