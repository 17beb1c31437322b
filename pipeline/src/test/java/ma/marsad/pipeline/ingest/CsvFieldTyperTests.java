package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import ma.marsad.pipeline.lake.ColumnBatch;
import ma.marsad.pipeline.quality.InvalidValueException;
import ma.marsad.pipeline.template.ColumnSpec;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import org.junit.jupiter.api.Test;

/** The CSV shortcuts must decide every field exactly as {@link RowTyper} does: same value, same refusals. */
class CsvFieldTyperTests {

    /** Texts around every shortcut's edges: codes, enums, regions, dates, numbers, spaces, non-ASCII. */
    private static final List<String> FIELDS = List.of(
            "",
            " ",
            "   ",
            "abc",
            " abc",
            "abc ",
            "a b",
            "DGI-001",
            "dgi-001",
            "DGI-001 ",
            "MAROC-123",
            "X-1",
            "04",
            "4",
            "12",
            "13",
            "0",
            "web",
            "Web",
            "guichet",
            "GUICHET",
            "counter",
            "completed",
            "in_progress",
            "2026-11-27T09:30:00",
            "2024-02-29T23:59:59",
            "2026-02-29T00:00:00",
            "2026-13-01T00:00:00",
            "2026-11-31T00:00:00",
            "2026-11-27T24:00:00",
            "2026-11-27T23:60:00",
            "2026-11-27T23:59:60",
            "2026-11-27 09:30:00",
            "2026-11-27t09:30:00",
            "27/11/2026 09:30",
            "0000-01-01T00:00:00",
            "2026-11-27",
            "2026-02-30",
            "2024-02-29",
            "27/11/2026",
            "1",
            "5",
            "6",
            "007",
            "-1",
            "+3",
            "1 234",
            "1.234",
            "1,5",
            "1.5",
            "2025",
            "1999",
            "123456789012345678",
            "1234567890123456789",
            "99999999999999999999",
            "١٢",
            "٣",
            "T3 2026",
            "2026-T3",
            "S1",
            "é",
            "e\u0301",
            "\t5",
            "5\t",
            "a\u200Bb",
            "\u00A05",
            "تجريبي",
            "x".repeat(300));

    @Test
    void everyFieldOfEveryTemplateIsTypedAsRowTyperTypesIt() {
        int compared = 0;
        for (TemplateContract contract : TemplateCatalog.shipped().contracts()) {
            if (!contract.accepts("csv")) {
                continue;
            }
            List<ColumnSpec> columns = contract.columns();
            for (int column = 0; column < columns.size(); column++) {
                // one typer pair per column, each text twice: the second time the remembered value answers
                RowTyper reference = new RowTyper(contract);
                CsvFieldTyper shortcuts = new CsvFieldTyper(contract, new RowTyper(contract));
                ColumnBatch batch = batchOf(contract);
                for (int pass = 1; pass <= 2; pass++) {
                    for (String field : FIELDS) {
                        assertSameOutcome(contract, column, field, reference, shortcuts, batch);
                        compared++;
                    }
                }
            }
        }
        assertThat(compared).isGreaterThan(1000);
    }

    @Test
    void idsStillMatchOnceTheRememberedTextsAreFull() {
        TemplateContract egov = TemplateCatalog.shipped().contract("egov-requests");
        int requestId = egov.columnIndex("request_id");
        RowTyper reference = new RowTyper(egov);
        CsvFieldTyper shortcuts = new CsvFieldTyper(egov, new RowTyper(egov));
        ColumnBatch batch = batchOf(egov);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3000; i++) {
            ids.add("ADD-20261127-" + i);
        }
        ids.add(" ADD-1");
        ids.add("ADD\u00A0-1");
        for (String id : ids) {
            assertSameOutcome(egov, requestId, id, reference, shortcuts, batch);
        }
    }

    private static void assertSameOutcome(
            TemplateContract contract,
            int column,
            String field,
            RowTyper reference,
            CsvFieldTyper shortcuts,
            ColumnBatch batch) {
        Object expected;
        boolean refused = false;
        try {
            expected = reference.type(column, RawCell.csv(field.isEmpty() ? null : field, 2, column + 1));
        } catch (InvalidValueException e) {
            expected = null;
            refused = true;
        }
        char[] chars = ("," + field + ",").toCharArray();
        batch.setNull(column, 0);
        boolean typed = shortcuts.type(column, chars, 1, chars.length - 1, batch, 0, 2, column);
        String where = contract.id() + "." + contract.columns().get(column).name() + " <" + field + ">";
        assertThat(typed).as(where + " typed").isEqualTo(!refused);
        if (typed) {
            assertThat(batch.get(column, 0)).as(where).isEqualTo(expected);
        }
    }

    private static ColumnBatch batchOf(TemplateContract contract) {
        return new ColumnBatch(contract.columns().stream().map(ColumnSpec::type).toList(), 4);
    }
}
