package ma.marsad.dashboards.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import ma.marsad.dashboards.definition.LocalizedText;
import ma.marsad.dashboards.render.TileGridMap.Scale;
import ma.marsad.dashboards.render.WarehouseSnapshot.Region;
import ma.marsad.pipeline.quality.Language;
import org.junit.jupiter.api.Test;

class TileGridMapTests {

    @Test
    void theScaleStartsAtZeroAndEndsAtARoundValueAboveTheHighest() {
        // 800 .. 8200: 8200 / 5 = 1640, rounded up to 2000: classes 0-2000, 2000-4000, ... 8000-10000
        Scale scale = Scale.of(List.of(800.0, 4200.0, 8200.0));

        assertThat(scale.low()).isZero();
        assertThat(scale.step()).isEqualTo(2000.0);
        assertThat(scale.classOf(800)).isZero();
        assertThat(scale.classOf(4200)).isEqualTo(2);
        assertThat(scale.classOf(8200)).isEqualTo(4);
        assertThat(scale.bound(5)).isEqualTo(10_000.0);
    }

    @Test
    void regionsAFewTenthsApartShareAShadeInsteadOfSpanningLightestToDarkest() {
        // 75.2 % .. 77.2 %: 77.2 / 5 = 15.44, rounded up to 20: every region falls in 60-80
        Scale scale = Scale.of(List.of(75.2, 76.0, 77.2));

        assertThat(List.of(75.2, 76.0, 77.2).stream().map(scale::classOf)).containsOnly(3);
    }

    @Test
    void aNegativeValueMovesTheStartBelowZeroToARoundValue() {
        // -3 .. 12: (12 + 3) / 5 = 3, step 5 once the start is floored to -5: -5, 0, 5, 10, 15, 20
        Scale scale = Scale.of(List.of(-3.0, 4.0, 12.0));

        assertThat(scale.low()).isEqualTo(-5.0);
        assertThat(scale.bound(5)).isGreaterThanOrEqualTo(12.0);
        assertThat(scale.classOf(-3)).isZero();
        assertThat(scale.classOf(12)).isEqualTo(3);
    }

    @Test
    void theLegendGivesEachShadeItsBoundsAndNamesRegionsWithoutAValue() {
        List<Region> regions = List.of(
                new Region("06", new LocalizedText("Casablanca-Settat", "الدار البيضاء-سطات", "Casablanca-Settat")),
                new Region("10", new LocalizedText("Guelmim-Oued Noun", "كلميم-واد نون", "Guelmim-Oued Noun")));
        Map<String, Double> values = Map.of("06", 8200.0);

        String svg = TileGridMap.svg(
                regions,
                values,
                Scale.of(values.values()),
                "auto",
                Language.FR,
                "Carte",
                "Échelle à partir de 0",
                "Pas de valeur");

        assertThat(svg)
                .contains("<text class=\"legend-heading\"", ">Échelle à partir de 0</text>")
                .contains("data-num=\"0\"", "data-num=\"2000\"", "data-num=\"10000\"")
                .contains("<g class=\"legend-class\" data-shade=\"-1\"", "Pas de valeur")
                .contains("<g class=\"tile\" data-region=\"06\" data-shade=\"4\"")
                .contains("<g class=\"tile\" data-region=\"10\" data-shade=\"-1\"");
    }
}
