package ma.marsad.pipeline.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.ingest.TestReaders.TypedFile;
import ma.marsad.pipeline.ingest.ValidationOutcome.Status;
import ma.marsad.pipeline.lake.StagingRows;
import ma.marsad.pipeline.quality.ReasonCode;
import ma.marsad.pipeline.template.ColumnSpec;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SubmissionValidatorTests {

    private static final TemplateCatalog CATALOG = TemplateCatalog.shipped();
    private static final String ECONOMY_HEADER = "annee;indicateur;valeur;unite;source";

    @TempDir
    Path folder;

    private final RecordingSink sink = new RecordingSink();
    private final SubmissionValidator validator = new SubmissionValidator(CATALOG, TestReaders.delimitedText());

    /** Keeps what the validator sends. */
    static final class RecordingSink implements RowSink {
        final List<ValidRow> accepted = new ArrayList<>();
        final List<String> periods = new ArrayList<>();
        final List<RowError> quarantined = new ArrayList<>();
        final List<SubmittedCells> quarantinedCells = new ArrayList<>();

        @Override
        public void accepted(StagingRows rows, String periodKey) {
            for (int i = 0; i < rows.size(); i++) {
                accepted.add(ValidRow.of(rows, i));
                periods.add(periodKey);
            }
        }

        @Override
        public void quarantined(RowError error, SubmittedCells cells) {
            quarantined.add(error);
            quarantinedCells.add(cells);
        }
    }

    private Path file(String name, String... lines) throws IOException {
        return Files.writeString(folder.resolve(name), String.join("\n", lines) + "\n");
    }

    /** Validates MEF's economy.csv: the economy header, then these data lines. */
    private ValidationOutcome validateEconomy(String... rows) throws IOException {
        List<String> lines = new ArrayList<>(List.of(ECONOMY_HEADER));
        lines.addAll(List.of(rows));
        return validate("digital-economy-annual", "MEF", file("economy.csv", lines.toArray(String[]::new)));
    }

    private ValidationOutcome validate(String template, String submitter, Path... parts) {
        TemplateContract contract = CATALOG.contract(template);
        return validator.validate(
                contract, submitter, List.of(parts), parts[0].getFileName().toString(), sink);
    }

    @Test
    void aValidFileIsAcceptedWithTypedValuesAndItsPeriod() throws IOException {
        // given two rows in fr-MA numbers, when validated
        ValidationOutcome outcome = validateEconomy(
                "2025;emplois_numeriques_directs;1 234 567;emplois;MEF",
                "2025;exportations_numeriques;1.234.567,5;MAD;");
        // then
        assertCounts(outcome, Status.ACCEPTED, 2, 2, 0);
        assertThat(outcome.period()).isEqualTo("2025");
        assertThat(outcome.fileErrorCode()).isNull();
        assertThat(sink.accepted.get(0).values())
                .containsExactly(2025, "emplois_numeriques_directs", 1234567.0, "emplois", "MEF");
        assertThat(sink.accepted.get(1).values())
                .containsExactly(2025, "exportations_numeriques", 1234567.5, "MAD", null);
        assertThat(sink.accepted.get(1).sourceCell()).isEqualTo("line 3");
        assertThat(sink.periods).containsOnly("2025");
    }

    @Test
    void aReaderThatExhaustsTheHeapRejectsItsFileAndTheNextFileStillLoads() throws IOException {
        // given: a reader whose second row asks the JVM for a 16 GB array, beyond any heap the tests run in
        ReportReaderFactory exhausting = (file, settings) -> {
            ReportReader real = ReportReaders.open(file, settings);
            if (!file.getFileName().toString().startsWith("bomb")) {
                return real;
            }
            return new ReportReader() {
                @Override
                public List<String> header() throws FileRejectedException {
                    return real.header();
                }

                @Override
                public RawRow next() throws FileRejectedException {
                    RawRow row = real.next();
                    if (row != null && row.row() == 2) {
                        long[] tooLarge = new long[Integer.MAX_VALUE - 8];
                        tooLarge[0] = 1;
                    }
                    return row;
                }

                @Override
                public List<ReaderWarning> warnings() {
                    return real.warnings();
                }

                @Override
                public void close() {
                    real.close();
                }
            };
        };
        SubmissionValidator guarded = new SubmissionValidator(CATALOG, exhausting);
        TemplateContract contract = CATALOG.contract("digital-economy-annual");
        String[] lines = {
            ECONOMY_HEADER,
            "2025;emplois_numeriques_directs;1 234 567;emplois;MEF",
            "2025;exportations_numeriques;1.234.567,5;MAD;"
        };
        Path bomb = file("bomb.csv", lines);
        Path good = file("economy.csv", lines);

        // when
        ValidationOutcome exhausted = guarded.validate(contract, "MEF", List.of(bomb), "bomb.csv", sink);
        ValidationOutcome next = guarded.validate(contract, "MEF", List.of(good), "economy.csv", new RecordingSink());

        // then: the file is refused with its reason, and the validator goes on
        assertThat(exhausted.status()).isEqualTo(Status.REJECTED);
        assertThat(exhausted.fileErrorCode()).isEqualTo(ReasonCode.TOO_COMPLEX);
        assertThat(exhausted.fileErrorArguments().get("detail").toString()).contains("OutOfMemoryError");
        assertThat(next.status()).isEqualTo(Status.ACCEPTED);
        assertThat(next.rowsAccepted()).isEqualTo(2);
    }

    @Test
    void badRowsAreQuarantinedWithTheirPlaceAndTheRestLoads() throws IOException {
        Path csv = file(
                "economy.csv",
                ECONOMY_HEADER + ";commentaire",
                "2025;emplois_numeriques_directs;1 234 567;emplois;MEF;ok",
                "2025;emplois_ia;1.5;emplois;MEF;",
                "",
                "2025;emplois_offshoring;12 %;emplois;MEF;",
                "2025;contribution_pib_ia;12;dollars;MEF;",
                "2025;budget_programme_engage;-5;MAD;MEF;",
                "2025;budget_programme_execute;5;MAD;MEF");
        ValidationOutcome outcome = validate("digital-economy-annual", "MEF", csv);

        // 6 data rows (the blank line is not one): 1 good, 4 bad values, 1 ragged row
        assertCounts(outcome, Status.ACCEPTED_WITH_QUARANTINE, 6, 1, 5);
        assertErrorCodes(
                outcome,
                ReasonCode.AMBIGUOUS_NUMBER,
                ReasonCode.UNIT_IN_VALUE,
                ReasonCode.BAD_ENUM,
                ReasonCode.OUT_OF_RANGE,
                ReasonCode.FIELD_COUNT);
        RowError ambiguous = outcome.rowErrors().get(0);
        assertThat(ambiguous.row()).isEqualTo(2);
        assertThat(ambiguous.line()).isEqualTo(3);
        assertThat(ambiguous.cell()).isEqualTo("line 3, column 3");
        assertThat(ambiguous.column()).isEqualTo("valeur");
        assertThat(ambiguous.header()).isEqualTo("valeur");
        assertThat(ambiguous.value()).isEqualTo("1.5");
        assertThat(outcome.rowErrors().get(1).row()).isEqualTo(3); // line 5: the blank line 4 is not counted
        assertThat(outcome.rowErrors().get(3).arguments()).containsEntry("range", "≥ 0");
        assertThat(outcome.rowErrors().get(4).arguments())
                .containsEntry("expected", 6)
                .containsEntry("actual", 5);
        assertThat(outcome.warnings())
                .containsExactly(
                        new ValidationOutcome.Warning(ReasonCode.UNKNOWN_COLUMN, Map.of("header", "commentaire")));
        assertThat(sink.quarantined).hasSize(5);
    }

    @Test
    void twoPeriodsInOneFileRejectIt() throws IOException {
        ValidationOutcome outcome =
                validateEconomy("2025;emplois_ia;10;emplois;", "2026;emplois_offshoring;10;emplois;");
        assertRejected(outcome, ReasonCode.MIXED_PERIODS);
        assertThat(outcome.fileErrorArguments())
                .containsEntry("first_period", "2025")
                .containsEntry("period", "2026")
                .containsEntry("row", 2);
        assertThat(outcome.rowErrors()).isEmpty();
    }

    @Test
    void aRowWithAnotherPeriodCountsEvenWhenItIsQuarantined() throws IOException {
        // the spec reads the period from every row whose period columns parse
        assertRejected(
                validateEconomy("2025;emplois_ia;10;emplois;", "2026;emplois_offshoring;abc;emplois;"),
                ReasonCode.MIXED_PERIODS);
    }

    @Test
    void noParseablePeriodRejectsTheFile() throws IOException {
        ValidationOutcome outcome = validateEconomy("20x5;emplois_ia;10;emplois;", "1999;emplois_ia;10;emplois;");
        assertRejected(outcome, ReasonCode.PERIOD_UNKNOWN);
        assertThat(outcome.fileErrorArguments()).containsEntry("columns", "annee");
    }

    @Test
    void anExactDuplicateIsQuarantinedOnce() throws IOException {
        // "1 000" and "1000" are the same number: the rows are equal once typed
        ValidationOutcome outcome = validateEconomy(
                "2025;emplois_ia;1 000;emplois;MEF",
                "2025;emplois_offshoring;5;emplois;MEF",
                "2025;EMPLOIS_IA;1000;emplois;MEF");
        assertCounts(outcome, Status.ACCEPTED_WITH_QUARANTINE, 3, 2, 1);
        RowError duplicate = outcome.rowErrors().get(0);
        assertThat(duplicate.code()).isEqualTo(ReasonCode.DUPLICATE_ROW);
        assertThat(duplicate.row()).isEqualTo(3);
        assertThat(duplicate.arguments()).containsEntry("first_row", 1);
    }

    @Test
    void theSameKeyWithOtherValuesRejectsTheFileAndNamesBothRows() throws IOException {
        ValidationOutcome outcome = validateEconomy(
                "2025;emplois_ia;1 000;emplois;MEF",
                "2025;emplois_offshoring;5;emplois;MEF",
                "2025;emplois_ia;1 001;emplois;MEF");
        assertKeyConflict(outcome, "2025 | emplois_ia", 1, 3);
        assertThat(outcome.rowErrors()).extracting(RowError::line).containsExactly(2, 4);
    }

    @Test
    void aFileWithoutAnyValidRowIsRejectedWithItsRowErrors() throws IOException {
        ValidationOutcome outcome =
                validateEconomy("2025;emplois_ia;1.5;emplois;", "2025;emplois_offshoring;;emplois;");
        assertRejected(outcome, ReasonCode.NO_VALID_ROWS);
        assertThat(outcome.fileErrorArguments()).containsEntry("rows", 2L);
        assertErrorCodes(outcome, ReasonCode.AMBIGUOUS_NUMBER, ReasonCode.REQUIRED);
    }

    @Test
    void fileLevelProblems() throws IOException {
        Path csv = file("economy.csv", ECONOMY_HEADER, "2025;emplois_ia;10;emplois;");
        assertRejected(validate("digital-economy-annual", "NOBODY", csv), ReasonCode.UNKNOWN_SUBMITTER);
        assertRejected(
                validate("digital-economy-annual", "MEF", file("economy.txt", "x")), ReasonCode.UNSUPPORTED_FORMAT);
        assertRejected(validate("startup-funding", "ADD", csv), ReasonCode.UNSUPPORTED_FORMAT);
        assertRejected(
                validate("digital-economy-annual", "MEF", Files.write(folder.resolve("empty.csv"), new byte[0])),
                ReasonCode.NO_DATA);
        assertRejected(
                validate("digital-economy-annual", "MEF", file("header.csv", ECONOMY_HEADER)), ReasonCode.NO_DATA);
        assertRejected(
                validate(
                        "digital-economy-annual",
                        "MEF",
                        file("missing.csv", "annee;indicateur;unite", "2025;emplois_ia;emplois")),
                ReasonCode.MISSING_COLUMN);
        assertRejected(
                validate(
                        "digital-economy-annual",
                        "MEF",
                        file("twice.csv", ECONOMY_HEADER + ";Valeur", "2025;emplois_ia;1;emplois;;1")),
                ReasonCode.DUPLICATE_HEADER);
    }

    @Test
    void aBlankHeaderRejectsTheFileOnlyWhenDataLiesUnderIt() throws IOException {
        Path harmless = file("harmless.csv", ECONOMY_HEADER + ";", "2025;emplois_ia;10;emplois;;");
        assertThat(validate("digital-economy-annual", "MEF", harmless).status()).isEqualTo(Status.ACCEPTED);
        Path withData = file(
                "data.csv",
                ECONOMY_HEADER + ";",
                "2025;emplois_ia;10;emplois;;",
                "2025;emplois_offshoring;1;emplois;;x");
        ValidationOutcome outcome = validate("digital-economy-annual", "MEF", withData);
        assertRejected(outcome, ReasonCode.BLANK_HEADER);
        assertThat(outcome.fileErrorArguments()).containsEntry("position", 6).containsEntry("cell", "line 3, column 6");
    }

    @Test
    void partsContinueTheRowNumbersAndShareOneKeySpace() throws IOException {
        Path part1 = file(
                "e.part1of2.csv", ECONOMY_HEADER, "2025;emplois_ia;10;emplois;", "2025;emplois_offshoring;--;emplois;");
        Path part2 = file(
                "e.part2of2.csv", ECONOMY_HEADER, "2025;contribution_pib_ia;3;MAD;", "2025;emplois_ia;10;emplois;");
        ValidationOutcome outcome = validate("digital-economy-annual", "MEF", part1, part2);
        // rows 1-2 in part 1, rows 3-4 in part 2; row 4 duplicates row 1
        assertThat(outcome.rowsRead()).isEqualTo(4);
        assertThat(outcome.rowsAccepted()).isEqualTo(2);
        assertThat(outcome.rowErrors()).extracting(RowError::row).containsExactly(2, 4);
        assertErrorCodes(outcome, ReasonCode.NOT_A_NUMBER, ReasonCode.DUPLICATE_ROW);

        Path conflicting = file("c.part2of2.csv", ECONOMY_HEADER, "2025;emplois_ia;11;emplois;");
        ValidationOutcome conflict = validate("digital-economy-annual", "MEF", part1, conflicting);
        assertRejected(conflict, ReasonCode.KEY_CONFLICT);
        assertThat(conflict.rowErrors()).extracting(RowError::row).containsExactly(1, 3);
    }

    @Test
    void arabicHeadersSemestersAndCrossColumnRules() throws IOException {
        Path csv = file(
                "training.csv",
                "السنة;الأسدس;رمز_الجهة;المتعهد;البرنامج;الشعبة;نوع_التكوين;المسجلون;الخريجون;منهم_النساء",
                "2025;s1;1;UM5;Code 212;ia;initiale;1 200;300;150",
                "2025;S1;12;UM5;Code 212;numerique;initiale;100;30;31");
        ValidationOutcome outcome = validate("digital-training", "UM5", csv);
        assertThat(outcome.period()).isEqualTo("2025-S1");
        assertThat(outcome.rowsAccepted()).isEqualTo(1);
        assertThat(sink.accepted.get(0).values())
                .containsExactly(2025, "S1", "01", "UM5", "Code 212", "ia", "initiale", 1200L, 300L, 150L);
        RowError rule = outcome.rowErrors().get(0);
        assertThat(rule.code()).isEqualTo(ReasonCode.RULE_VIOLATION);
        assertThat(rule.column()).isEqualTo("dont_femmes");
        assertThat(rule.header()).isEqualTo("منهم_النساء");
        assertThat(rule.arguments())
                .containsEntry("rule", "dont_femmes <= diplomes")
                .containsEntry("other_value", "30");
    }

    @Test
    void keysCheckedBlockByBlockGiveTheRowByRowOutcomeInFileOrder() throws IOException {
        // given 5,000 requests, more than two blocks of rows: exact repeats of earlier rows at rows 100, 2048 and
        // 2049 (the end of a block and the start of the next) and 4,999, a bad region at row 2,500
        List<String> lines = new ArrayList<>();
        lines.add("request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction");
        for (int row = 1; row <= 5000; row++) {
            int id =
                    switch (row) {
                        case 100 -> 7;
                        case 2048, 2049 -> row - 2000;
                        case 4999 -> 4000;
                        default -> row;
                    };
            String region = row == 2500 ? "13" : String.format("%02d", 1 + id % 12);
            lines.add("R" + id + ",DGI-001," + region + ",web,2026-11-28T09:00:00,,submitted,");
        }
        Path csv = file("requests.csv", lines.toArray(String[]::new));

        // when
        ValidationOutcome outcome = validate("egov-requests", "ADD", csv);

        // then every row is accepted or quarantined once, quarantined rows name the first row, all in file order
        assertThat(outcome.rowsRead()).isEqualTo(5000);
        assertThat(outcome.rowsAccepted()).isEqualTo(4995);
        assertThat(sink.quarantined)
                .extracting(RowError::row, RowError::code)
                .containsExactly(
                        tuple(100, ReasonCode.DUPLICATE_ROW),
                        tuple(2048, ReasonCode.DUPLICATE_ROW),
                        tuple(2049, ReasonCode.DUPLICATE_ROW),
                        tuple(2500, ReasonCode.BAD_REGION),
                        tuple(4999, ReasonCode.DUPLICATE_ROW));
        assertThat(sink.quarantined.get(0).arguments()).containsEntry("first_row", 7);
        assertThat(sink.quarantined.get(0).cell()).isEqualTo("line 101");
        assertThat(sink.quarantined.get(4).arguments()).containsEntry("first_row", 4000);
        assertThat(sink.accepted).extracting(ValidRow::row).isSorted().doesNotContain(100, 2048, 2049, 2500, 4999);
        assertThat(sink.accepted).hasSize(4995);
        assertThat(sink.accepted.get(99).sourceCell()).isEqualTo("line 102");
        assertThat(sink.accepted.get(99).values()[0]).isEqualTo("R101");
    }

    @Test
    void aKeyConflictFoundInABlockRejectsTheFileAtThatRow() throws IOException {
        // given 3,000 requests where row 2,100 repeats the id of row 2,050 with another channel
        List<String> lines = new ArrayList<>();
        lines.add("request_id,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction");
        for (int row = 1; row <= 3000; row++) {
            int id = row == 2100 ? 2050 : row;
            String channel = row == 2100 ? "mobile" : "web";
            lines.add("R" + id + ",DGI-001,04," + channel + ",2026-11-28T09:00:00,,submitted,");
        }
        Path csv = file("requests.csv", lines.toArray(String[]::new));

        // when
        ValidationOutcome outcome = validate("egov-requests", "ADD", csv);

        // then
        assertKeyConflict(outcome, "R2050", 2050, 2100);
    }

    @Test
    void egovRequestsDayPeriodAliasesAndDateRule() throws IOException {
        Path csv = file(
                "requests.csv",
                "id_demande,service_code,region_code,channel,submitted_at,completed_at,status,satisfaction",
                "R1,DGI-001,1,Guichet,2026-11-28T09:00:00,2026-11-28T10:00:00,completed,5",
                "R2,DGI-001,13,web,2026-11-28T09:00:00,,submitted,",
                "R3,DGI-001,2,web,2026-11-28T09:00:00,2026-11-27T10:00:00,completed,",
                "R4,dgi-001,2,web,2026-11-28T09:00:00,,submitted,",
                "R5,DGI-001,2,web,2026-11-28T09:00:00,,submitted,6",
                "R6,DGI-001,2,web,28/11/2026 09:00,,submitted,");
        ValidationOutcome outcome = validate("egov-requests", "ADD", csv);
        assertThat(outcome.period()).isEqualTo("2026-11-28");
        assertThat(sink.accepted.get(0).values())
                .containsExactly(
                        "R1",
                        "DGI-001",
                        "01",
                        "counter",
                        LocalDateTime.of(2026, 11, 28, 9, 0),
                        LocalDateTime.of(2026, 11, 28, 10, 0),
                        "completed",
                        5L);
        assertErrorCodes(
                outcome,
                ReasonCode.BAD_REGION,
                ReasonCode.RULE_VIOLATION,
                ReasonCode.PATTERN_MISMATCH,
                ReasonCode.OUT_OF_RANGE,
                ReasonCode.BAD_DATE);
    }

    @Test
    void spreadsheetCellsTypedByTheReader() {
        // given an XLSX-like file: numbers as Double, one formula error, a footer seen by the reader
        List<String> header = columnNames("ai-programme-quarterly");
        List<List<RawCell>> rows = List.of(
                cells(2, "T3 2026", "JAZARI-NADOR", "institut", 2.0, 120.0, 3.0, 4.0, 5.0, 6.0, 1000.0, 1500.0, "oui"),
                cells(
                        3,
                        "3e trimestre 2026",
                        "MISTRAL-LAB",
                        "laboratoire",
                        "2",
                        1.5,
                        3.0,
                        4.0,
                        5.0,
                        6.0,
                        "1 000,50",
                        900.0,
                        "non"),
                cells(4, "T3 2026", "UM6P", "partenaire", 2.0, 1.0, 3.0, 4.0, 5.0, 6.0, 1000.0, 900.0, "oui"));
        List<RawCell> withFormulaError = new ArrayList<>(rows.get(2));
        withFormulaError.set(
                9,
                new RawCell("#DIV/0!", null, "KPI!J4", new RawCell.ReasonCodeRef(ReasonCode.FORMULA_ERROR, "#DIV/0!")));
        TypedFile file = new TypedFile(
                header,
                List.of(rows.get(0), rows.get(1), withFormulaError),
                List.of(new ReportReader.ReaderWarning(
                        ReasonCode.FOOTER_ROWS, "2 rows after the data (Total, Source)")));

        ValidationOutcome outcome = validateTyped("ai-programme-quarterly", "JAZARI-NADOR", "kpi.xlsx", file);

        assertThat(outcome.period()).isEqualTo("2026-Q3");
        assertThat(outcome.rowsAccepted()).isEqualTo(1);
        assertThat(sink.accepted.get(0).values())
                .containsExactly(
                        "2026-Q3", "JAZARI-NADOR", "institut", "02", 120L, 3L, 4L, 5L, 6L, 1000.0, 1500.0, "oui");
        assertErrorCodes(outcome, ReasonCode.NOT_AN_INTEGER, ReasonCode.FORMULA_ERROR);
        assertThat(outcome.rowErrors().get(1).cell()).isEqualTo("KPI!J4");
        assertThat(outcome.warnings())
                .extracting(ValidationOutcome.Warning::code)
                .containsExactly(ReasonCode.FOOTER_ROWS, ReasonCode.BUDGET_ABOVE_ENGAGED);
        assertThat(outcome.warnings().get(1).arguments())
                .containsEntry("count", 1L)
                .containsEntry("row", 1);
    }

    @Test
    void jsonValuesTypedByTheReader() {
        List<String> fields = CATALOG.contract("startup-funding")
                .readerSettings("ADD", "json")
                .jsonFields();
        TypedFile file = new TypedFile(
                fields,
                List.of(
                        json(
                                1,
                                "E1",
                                "S1",
                                "Atlas AI",
                                "01",
                                "ia",
                                "seed",
                                RawCell.JSON_NULL,
                                new BigDecimal("2500000"),
                                "2026-10-05",
                                null),
                        json(2, "E2", "S2", "Souk", 7, "commerce", "growth", "", "2500000", "2026-10-06", null),
                        json(
                                3,
                                "E3",
                                "S3",
                                "Dar",
                                "02",
                                "fintech",
                                "seed",
                                null,
                                RawCell.JSON_NULL,
                                "2026-10-07",
                                null),
                        json(
                                4,
                                "E4",
                                "S4",
                                "Nour",
                                "02",
                                "fintech",
                                "seed",
                                null,
                                new BigDecimal("1e3"),
                                "2026-10-07",
                                new BigDecimal("-1"))),
                List.of());

        ValidationOutcome outcome = validateTyped("startup-funding", "ADD", "events.ndjson", file);

        assertThat(outcome.period()).isEqualTo("2026-10");
        assertThat(outcome.rowsAccepted()).isEqualTo(1);
        assertThat(sink.accepted.get(0).values())
                .containsExactly(
                        "E1", "S1", "Atlas AI", "01", "ia", "seed", null, 2500000.0, LocalDate.of(2026, 10, 5), null);
        assertErrorCodes(outcome, ReasonCode.NUMBER_AS_STRING, ReasonCode.REQUIRED, ReasonCode.OUT_OF_RANGE);
        assertThat(outcome.rowErrors().get(0).cell()).isEqualTo("/2/amount_mad");
    }

    @Test
    void keepsAThousandRowErrorsAndExactCounts() throws IOException {
        List<String> lines = new ArrayList<>(List.of(ECONOMY_HEADER, "2025;emplois_ia;1;emplois;"));
        for (int i = 0; i < 1500; i++) {
            lines.add("2025;emplois_offshoring;" + i + ".5;emplois;");
        }
        ValidationOutcome outcome =
                validate("digital-economy-annual", "MEF", file("many.csv", lines.toArray(String[]::new)));
        assertThat(outcome.rowsRead()).isEqualTo(1501);
        assertThat(outcome.rowsQuarantined()).isEqualTo(1500);
        assertThat(outcome.rowErrors()).hasSize(1000);
        assertThat(outcome.rowErrorsTruncated()).isTrue();
        assertThat(sink.quarantined).hasSize(1500);
    }

    /** Validates a file given as typed cells, as the XLSX and JSON readers type them. */
    private ValidationOutcome validateTyped(String template, String submitter, String fileName, TypedFile file) {
        SubmissionValidator typed = new SubmissionValidator(CATALOG, TestReaders.typed(Map.of(fileName, file)));
        return typed.validate(CATALOG.contract(template), submitter, List.of(folder.resolve(fileName)), fileName, sink);
    }

    private static void assertRejected(ValidationOutcome outcome, ReasonCode code) {
        assertCounts(outcome, Status.REJECTED, 0, 0, 0);
        assertThat(outcome.fileErrorCode()).isEqualTo(code);
        assertThat(outcome.period()).isNull();
    }

    /** The file is rejected for a key seen with other values, naming the key and both rows. */
    private static void assertKeyConflict(ValidationOutcome outcome, String key, int firstRow, int row) {
        assertRejected(outcome, ReasonCode.KEY_CONFLICT);
        assertThat(outcome.fileErrorArguments())
                .containsEntry("key", key)
                .containsEntry("first_row", firstRow)
                .containsEntry("row", row);
        assertThat(outcome.rowErrors()).extracting(RowError::row).containsExactly(firstRow, row);
    }

    private static void assertErrorCodes(ValidationOutcome outcome, ReasonCode... codes) {
        assertThat(outcome.rowErrors()).extracting(RowError::code).containsExactly(codes);
    }

    private static void assertCounts(
            ValidationOutcome outcome, Status status, int read, int accepted, int quarantined) {
        assertThat(outcome)
                .extracting(
                        ValidationOutcome::status,
                        ValidationOutcome::rowsRead,
                        ValidationOutcome::rowsAccepted,
                        ValidationOutcome::rowsQuarantined)
                .containsExactly(status, (long) read, (long) accepted, (long) quarantined);
    }

    /** The template's columns in the order it declares them, as a well-made file's header lists them. */
    private static List<String> columnNames(String template) {
        return CATALOG.contract(template).columns().stream()
                .map(ColumnSpec::name)
                .toList();
    }

    private static List<RawCell> cells(int line, Object... values) {
        List<RawCell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            String ref = "KPI!" + CellReferences.columnLetters(i) + line;
            Object value = values[i];
            cells.add(value instanceof String text ? RawCell.text(text, ref) : new RawCell(null, value, ref, null));
        }
        return cells;
    }

    /** A JSON element: strings are JSON strings, BigDecimal numbers, JSON_NULL null, Java null a missing field. */
    private static List<RawCell> json(int element, Object... values) {
        List<String> fields = columnNames("startup-funding");
        List<RawCell> cells = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i] instanceof Integer n ? new BigDecimal(n) : values[i];
            String ref = "/" + element + "/" + fields.get(i);
            cells.add(
                    value == null
                            ? new RawCell(null, null, ref, null)
                            : new RawCell(value instanceof String s ? s : String.valueOf(value), value, ref, null));
        }
        return cells;
    }
}
