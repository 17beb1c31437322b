package ma.marsad.pipeline.kpi;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** The persistent tables and views of the warehouse's main schema, and the warehouse's catalog name. */
record WarehouseTables(String database, Set<String> names) {

    static WarehouseTables of(Connection warehouse) throws SQLException {
        try (Statement statement = warehouse.createStatement()) {
            String database;
            try (ResultSet result = statement.executeQuery("select current_database()")) {
                result.next();
                database = result.getString(1);
            }
            Set<String> names = new HashSet<>();
            try (ResultSet result = statement.executeQuery("select table_name from information_schema.tables"
                    + " where table_catalog = current_database() and table_schema = 'main'")) {
                while (result.next()) {
                    names.add(result.getString(1).toLowerCase(Locale.ROOT));
                }
            }
            return new WarehouseTables(database, Set.copyOf(names));
        }
    }

    boolean exists(String table) {
        return names.contains(table.toLowerCase(Locale.ROOT));
    }

    /**
     * What a FROM clause reads a table's rows from, immune to temporary views of the same name: its qualified name, or
     * for a history view ({@code hist_<template>}) its two tables, since the view's own reference to {@code fct_} would
     * bind to a view shadowing it.
     */
    String source(String table) {
        String suffix = table.startsWith("hist_") ? table.substring("hist_".length()) : null;
        if (suffix != null && exists("fct_" + suffix) && exists("superseded_" + suffix)) {
            return "(select * from " + qualified("fct_" + suffix) + " union all by name select * from "
                    + qualified("superseded_" + suffix) + ")";
        }
        return qualified(table);
    }

    /** {@code "<database>".main.<table>}: a name that a temporary view of the same name cannot shadow. */
    String qualified(String table) {
        return '"' + database.replace("\"", "\"\"") + "\".main." + table;
    }
}
