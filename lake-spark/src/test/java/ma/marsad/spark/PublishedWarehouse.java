package ma.marsad.spark;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/** The figures of a published DuckDB warehouse, read as analysts do: read-only JDBC while nothing else writes. */
final class PublishedWarehouse implements AutoCloseable {

    private final Connection connection;

    private PublishedWarehouse(Connection connection) {
        this.connection = connection;
    }

    static PublishedWarehouse open(Path file) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("duckdb.read_only", "true");
        return new PublishedWarehouse(DriverManager.getConnection("jdbc:duckdb:" + file, properties));
    }

    /** The latest vintage of a KPI, keyed {@code "<period> <region>"}, rows with a value only. */
    Map<String, Double> latestKpiValues(String kpiId) throws SQLException {
        Map<String, Double> values = new TreeMap<>();
        try (PreparedStatement statement =
                connection.prepareStatement("select period, region_code, value from kpi_value"
                        + " where kpi_id = ? and is_latest_vintage and value is not null")) {
            statement.setString(1, kpiId);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.put(rows.getString(1) + " " + rows.getString(2), rows.getDouble(3));
                }
            }
        }
        return values;
    }

    /** The ids of the templates the warehouse was built with ({@code dim_template}). */
    List<String> templateIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select distinct template_id from dim_template order by 1")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    /** Rows of {@code fct_<template>}, the template id with '_' for '-'. */
    long factRows(String templateId) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("select count(*) from fct_" + templateId.replace('-', '_'))) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
