package ma.marsad.pipeline.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Points a DuckDB error back at the line of the {@code .sql} file it came from. */
public final class SqlFileLines {

    // DuckDB quotes the statement line at fault as "LINE 3: …" in parser and binder errors
    private static final Pattern LINE = Pattern.compile("\\bLINE (\\d+):");

    private SqlFileLines() {}

    /**
     * {@code file:line} when the error names a line of the executed statement, else {@code file}.
     *
     * @param firstLineOfFile the statement line where the file's line 1 is, or would be before leading blank lines were
     *     stripped (1 when the file was run as it is, 2
     *     when one line of DDL went before it)
     */
    public static String where(String file, String errorMessage, int firstLineOfFile) {
        Matcher matcher = LINE.matcher(errorMessage == null ? "" : errorMessage);
        if (!matcher.find()) {
            return file;
        }
        int line = Integer.parseInt(matcher.group(1)) - firstLineOfFile + 1;
        return line >= 1 ? file + ":" + line : file;
    }

    /** How many lines {@code String.strip()} removes from the top of a file. */
    public static int leadingLines(String sql) {
        int lines = 0;
        for (int i = 0; i < sql.length() && Character.isWhitespace(sql.charAt(i)); i++) {
            if (sql.charAt(i) == '\n') {
                lines++;
            }
        }
        return lines;
    }
}
