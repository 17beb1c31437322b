package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the table macro {@code kpi_source_rows(kpi, period, region, known_at)}: the very rows of {@code
 * hist_<template>} behind one KPI value, current ({@code known_at} null) or of any vintage. Each KPI's own SQL decides
 * which rows count: the macro runs it over the submissions the engine ran it over for that vintage, with every
 * submission_id carrying its source_row, as the engine does when it counts the rows of kpi_lineage, so no KPI filter
 * is written twice.
 */
final class KpiSourceRows {

    private KpiSourceRows() {}

    static void create(Connection warehouse, KpiCatalog catalog) throws SQLException {
        WarehouseTables tables = WarehouseTables.of(warehouse);
        List<KpiDefinition> traced = new ArrayList<>();
        for (KpiDefinition kpi : catalog.kpis()) {
            if (kpi.sql() != null && tables.exists(kpi.historyTable())) {
                traced.add(kpi);
            }
        }
        try (Statement statement = warehouse.createStatement()) {
            statement.execute(macro(traced));
        }
    }

    static String macro(List<KpiDefinition> kpis) {
        if (kpis.isEmpty()) {
            // no KPI reads a history table (a warehouse without facts yet): the macro returns no row
            return "create or replace macro kpi_source_rows(for_kpi, for_period, for_region, for_known_at) as table\n"
                    + "select null::varchar as submission_id, null::bigint as source_row, null::varchar as source_cell"
                    + " where false";
        }
        StringBuilder used = new StringBuilder();
        StringBuilder history = new StringBuilder("case for_kpi");
        for (KpiDefinition kpi : kpis) {
            if (!used.isEmpty()) {
                used.append("\n    union all\n");
            }
            used.append(branch(kpi));
            history.append(" when ").append(literal(kpi.id())).append(" then ").append(literal(kpi.historyTable()));
        }
        history.append(" end");
        return "create or replace macro kpi_source_rows(for_kpi, for_period, for_region, for_known_at) as table\n"
                + "with vintage as (\n"
                + "    select unnest(submission_ids) as submission_id\n"
                + "    from main.kpi_value\n"
                + "    where kpi_id = for_kpi and period = for_period and region_code = for_region\n"
                + "        and (case when for_known_at is null then is_latest_vintage"
                + " else known_at = for_known_at end)\n"
                + "),\n"
                + "superseded_at as (\n"
                + "    select min(later.known_at) as known_at\n"
                + "    from main.kpi_value as later\n"
                + "    where later.kpi_id = for_kpi and later.period = for_period and later.region_code = for_region\n"
                + "        and later.known_at > coalesce(for_known_at, 'infinity'::timestamptz)\n"
                + "),\n"
                + "used as (\n"
                + used
                + "\n)\n"
                + "select history.*\n"
                + "from query_table(" + history + ") as history\n"
                + "semi join used on used.submission_id = history.submission_id"
                + " and used.source_row = history.source_row\n"
                + "order by history.submission_id, history.source_row";
    }

    /** The rows one KPI's SQL used for the value asked for, as (submission_id, source_row). */
    private static String branch(KpiDefinition kpi) {
        String mark = literal(KpiQueries.ROW_MARK);
        return "    select split_part(tag, " + mark + ", 1) as submission_id,"
                + " cast(split_part(tag, " + mark + ", 2) as bigint) as source_row\n"
                + "    from (\n"
                + "        select unnest(list_transform(string_split(kpi.submission_ids, ','), tag -> trim(tag))) as tag\n"
                + "        from (\n"
                + "            with " + kpi.sourceTable() + " as (\n"
                + "                select * replace (submission_id || " + mark + " || source_row as submission_id)\n"
                + "                from main." + kpi.historyTable()
                + " where " + runsOver(kpi) + "\n"
                + "            )\n"
                + "            select * from (\n"
                + kpi.sql().strip().replaceAll(";+$", "")
                + "\n            )\n"
                + "        ) as kpi\n"
                + "        where for_kpi = " + literal(kpi.id())
                + " and kpi.period = for_period and kpi.region_code = for_region and kpi.value is not null\n"
                + "    )\n"
                + "    where tag <> ''";
    }

    /**
     * Which submissions the KPI's SQL runs over: the vintage's own for a KPI whose periods depend on their own rows only;
     * for any other (a running total, quarters drawn from the events seen), the versions the engine ran it over, so the
     * value's period comes out of the query as it did then: the current ones for the latest vintage, else those visible
     * just before the vintage that superseded it (the value was the published one until then).
     */
    private static String runsOver(KpiDefinition kpi) {
        if (kpi.vintages() == KpiDefinition.Vintages.BY_PERIOD) {
            return "submission_id in (select submission_id from vintage)";
        }
        String template = literal(kpi.sourceTemplate());
        String submitter = kpi.authoritativeSubmitter() == null ? null : literal(kpi.authoritativeSubmitter());
        String supersededAt = "(select known_at from superseded_at)";
        return "(case when " + supersededAt
                + " is null then submission_id in (select submission_id from main.submission"
                + " where template_id = " + template + " and is_current"
                + (submitter == null ? "" : " and submitter = " + submitter) + ")"
                + " else submission_id in ("
                + KpiQueries.visibleVersions(
                        "main.submission", template, supersededAt + " - interval 1 microsecond", submitter)
                + ") end)";
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
