package ma.marsad.jobs.validate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import ma.marsad.jobs.MarsadCommand;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateCommandTests {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int marsad(String... arguments) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return MarsadCommand.run(arguments);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    @Test
    void writesTheTelecomWorkbookWhereAsked() throws Exception {
        Path file = folder.resolve("anrt.xlsx");

        int exit = marsad("template", "telecom-quarterly", "--format", "xlsx", "--output", file.toString());

        assertThat(exit).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8).strip()).isEqualTo(file.toString());
        try (InputStream in = Files.newInputStream(file);
                XSSFWorkbook workbook = new XSSFWorkbook(in)) {
            assertThat(workbook.getSheet("Indicateurs").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("trimestre");
        }
    }

    @Test
    void writesTheOfpptCsvInWindows1256WithItsDescriptionFile() throws Exception {
        Path file = folder.resolve("formation.csv");

        int exit = marsad(
                "template", "digital-training", "--format", "csv", "--submitter", "OFPPT", "--output", file.toString());

        assertThat(exit).isZero();
        assertThat(Files.readString(file, java.nio.charset.Charset.forName("windows-1256")))
                .startsWith("annee;semestre;");
        assertThat(folder.resolve("formation.description.csv")).exists();
    }

    @Test
    void unknownTemplateOrFormatIsAUsageError() {
        assertThat(marsad("template", "telecom")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8))
                .contains("unknown template 'telecom'")
                .contains("telecom-quarterly")
                .contains("egov-requests");

        err.reset();
        assertThat(marsad(
                        "template",
                        "egov-requests",
                        "--format",
                        "xlsx",
                        "--output",
                        folder.resolve("x.xlsx").toString()))
                .isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("egov-requests is sent as csv, not xlsx");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(folder.resolve("x.xlsx")).doesNotExist();
    }
}
