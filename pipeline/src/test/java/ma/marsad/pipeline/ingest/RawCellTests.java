package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RawCellTests {

    @Test
    void aCsvCellFormatsItsReferenceOnlyWhenAskedAndEqualsAnEagerCell() {
        RawCell lazy = RawCell.csv("DGI-001", 8, 3);
        RawCell eager = RawCell.text("DGI-001", "line 8, column 3");

        assertThat(lazy.ref()).isEqualTo("line 8, column 3");
        assertThat(lazy.ref()).isSameAs(lazy.ref());
        assertThat(lazy).isEqualTo(eager).hasSameHashCodeAs(eager);
        assertThat(lazy.text()).isEqualTo("DGI-001");
        assertThat(lazy.typed()).isNull();
        assertThat(lazy.readerError()).isNull();
        assertThat(lazy.isBlank()).isFalse();
        assertThat(RawCell.csv("  ", 2, 1).isBlank()).isTrue();
    }

    @Test
    void aCellWithoutAPlaceHasNoReference() {
        assertThat(new RawCell(null, RawCell.JSON_NULL, null, null).ref()).isNull();
    }
}
