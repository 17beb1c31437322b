package ma.marsad.dashboards.definition;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps page queries on the marts: dashboards read what the KPI engine and the data-supply tables publish, never the
 * fact tables, files or other databases.
 */
final class SqlGuard {

    private static final Pattern ALLOWED = Pattern.compile(
            "kpi_[a-z0-9_]+|un_egov_scores|un_egov_averages|submission|quarantine|period_coverage|dim_region|ops_run");
    private static final Pattern COMMENTS = Pattern.compile("--[^\\n]*|/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern STRINGS = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern TABLE_REFERENCE = Pattern.compile("\\b(from|join)\\s+([a-z_][\\w.\"]*)(\\s*\\()?");
    private static final Pattern CTE_NAME = Pattern.compile("\\b([a-z_]\\w*)\\s+as\\s*\\(");
    private static final Pattern FUNCTION_ARGUMENT = Pattern.compile("\\(\\s*\\w+\\s*$");

    private SqlGuard() {}

    static void check(String sql, String where) {
        for (String table : tablesRead(sql)) {
            if (!ALLOWED.matcher(table).matches()) {
                throw new IllegalArgumentException(where + ": query reads '" + table
                        + "'; page queries may read only the marts kpi_*, un_egov_scores, un_egov_averages, submission,"
                        + " quarantine, period_coverage, dim_region and ops_run");
            }
        }
    }

    /** The tables named after from and join, except common table expressions; a table function is named as read. */
    static Set<String> tablesRead(String sql) {
        String text = STRINGS.matcher(COMMENTS.matcher(sql).replaceAll(" "))
                .replaceAll("''")
                .toLowerCase(Locale.ROOT);
        Set<String> cteNames = new HashSet<>();
        Matcher cte = CTE_NAME.matcher(text);
        while (cte.find()) {
            cteNames.add(cte.group(1));
        }
        Set<String> tables = new TreeSet<>();
        Matcher reference = TABLE_REFERENCE.matcher(text);
        while (reference.find()) {
            String before = text.substring(Math.max(0, reference.start() - 40), reference.start());
            if (FUNCTION_ARGUMENT.matcher(before).find()) {
                continue; // extract(year from x), trim(both from x): not a table
            }
            String table = reference.group(2);
            boolean tableFunction = reference.group(3) != null;
            if (tableFunction || !cteNames.contains(table)) {
                tables.add(tableFunction ? table + "(" : table);
            }
        }
        return tables;
    }
}
