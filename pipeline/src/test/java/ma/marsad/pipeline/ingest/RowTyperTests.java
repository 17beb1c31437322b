package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import org.junit.jupiter.api.Test;

class RowTyperTests {

    private static final TemplateContract EGOV = TemplateCatalog.shipped().contract("egov-requests");
    private static final int REQUEST_ID = EGOV.columnIndex("request_id");
    private static final int SERVICE_CODE = EGOV.columnIndex("service_code");
    private static final int REGION_CODE = EGOV.columnIndex("region_code");

    @Test
    void aCodeSeenBeforeGivesTheSameValueInstance() throws InvalidValueException {
        RowTyper typer = new RowTyper(EGOV);
        // two rows with the same service code, each read as a new string
        Object first = typer.type(SERVICE_CODE, RawCell.csv(new String("DGI-102"), 2, 2));
        Object second = typer.type(SERVICE_CODE, RawCell.csv(new String("DGI-102"), 3, 2));
        assertThat(first).isEqualTo("DGI-102");
        assertThat(second).isSameAs(first);
        // "4" and "04" are one region, "04"
        assertThat(typer.type(REGION_CODE, RawCell.csv("4", 2, 3))).isEqualTo("04");
        assertThat(typer.type(REGION_CODE, RawCell.csv("4", 3, 3))).isEqualTo("04");
        assertThat(typer.type(REGION_CODE, RawCell.csv("04", 4, 3))).isEqualTo("04");
    }

    @Test
    void aRefusedValueIsRefusedEveryTime() throws InvalidValueException {
        RowTyper typer = new RowTyper(EGOV);
        for (int line = 2; line <= 4; line++) {
            RawCell cell = RawCell.csv("dgi-102", line, 2);
            assertThatThrownBy(() -> typer.type(SERVICE_CODE, cell))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code())
                            .isEqualTo(ReasonCode.PATTERN_MISMATCH));
            RawCell region = RawCell.csv("13", line, 3);
            assertThatThrownBy(() -> typer.type(REGION_CODE, region))
                    .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.code())
                            .isEqualTo(ReasonCode.BAD_REGION));
        }
        // the refused text was not remembered: a valid code still passes, the refused one still fails
        assertThat(typer.type(SERVICE_CODE, RawCell.csv("DGI-102", 5, 2))).isEqualTo("DGI-102");
        assertThatThrownBy(() -> typer.type(SERVICE_CODE, RawCell.csv("dgi-102", 6, 2)))
                .isInstanceOf(InvalidValueException.class);
    }

    @Test
    void distinctIdsStillTypeOnceTheMemoStops() throws InvalidValueException {
        RowTyper typer = new RowTyper(EGOV);
        // more distinct ids than the memo keeps: every one comes back as itself
        int ids = ValueMemo.MAX_ENTRIES + 10;
        for (int i = 1; i <= ids; i++) {
            String id = "ADD-20261127-" + i;
            assertThat(typer.type(REQUEST_ID, RawCell.csv(id, i + 1, 1))).isEqualTo(id);
        }
    }

    @Test
    void aDecimalHasAtMostItsScaleOfFractionDigits() throws InvalidValueException {
        TemplateContract funding = TemplateCatalog.shipped().contract("startup-funding");
        int amount = funding.columnIndex("amount_mad");
        assertThat(funding.columns().get(amount).scale()).isEqualTo(2); // the default: centimes
        RowTyper typer = new RowTyper(funding);
        // JSON numbers: trailing zeros are not digits of the value; a third decimal is
        assertThat(typer.type(amount, json("1250000.50"))).isEqualTo(1_250_000.5);
        assertThat(typer.type(amount, json("1250000.500"))).isEqualTo(1_250_000.5);
        assertThat(typer.type(amount, json("1e3"))).isEqualTo(1000.0);
        assertRefused(typer, amount, json("1250000.505"), ReasonCode.TOO_MANY_DECIMALS);
        // a spreadsheet number is what the sheet shows, 15 significant digits: a formula's residue is not refused
        assertThat(typer.type(amount, new RawCell(null, 0.1 + 0.2, "B2", null))).isEqualTo(0.3);
        assertRefused(typer, amount, new RawCell(null, 1.005, "B3", null), ReasonCode.TOO_MANY_DECIMALS);
        // past 15 significant digits a DOUBLE in the lake could not give the value back exactly
        assertThat(typer.type(amount, json("9999999999999.99"))).isEqualTo(9_999_999_999_999.99);
        assertRefused(typer, amount, json("10000000000000"), ReasonCode.OUT_OF_RANGE);

        // the UN survey's indices declare scale: 5
        TemplateContract survey = TemplateCatalog.shipped().contract("un-egov-survey");
        int egdi = survey.columnIndex("egdi");
        RowTyper surveyTyper = new RowTyper(survey);
        assertThat(surveyTyper.type(egdi, RawCell.csv("0.45721", 2, egdi + 1))).isEqualTo(0.45721);
        assertRefused(surveyTyper, egdi, RawCell.csv("0.314140000000003", 3, egdi + 1), ReasonCode.TOO_MANY_DECIMALS);
    }

    private static RawCell json(String number) {
        return new RawCell(number, new BigDecimal(number), "/1/amount_mad", null);
    }

    private static void assertRefused(RowTyper typer, int column, RawCell cell, ReasonCode code) {
        assertThatThrownBy(() -> typer.type(column, cell))
                .isInstanceOfSatisfying(
                        InvalidValueException.class, e -> assertThat(e.code()).isEqualTo(code));
    }

    @Test
    void theMemoForgetsEverythingPastItsLimit() {
        ValueMemo memo = new ValueMemo();
        for (int i = 0; i < ValueMemo.MAX_ENTRIES; i++) {
            memo.put("v" + i, "v" + i);
        }
        assertThat(memo.isRemembering()).isTrue();
        assertThat(memo.get("v0")).isEqualTo("v0");
        // one more distinct text than the limit: the column has many values, so it stops remembering
        memo.put("one more", "one more");
        assertThat(memo.isRemembering()).isFalse();
        assertThat(memo.get("v0")).isNull();
    }
}
