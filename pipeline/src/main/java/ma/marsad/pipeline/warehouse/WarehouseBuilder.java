package ma.marsad.pipeline.warehouse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import ma.marsad.pipeline.lake.Lake;
import ma.marsad.pipeline.lake.LakeColumn;
import ma.marsad.pipeline.lake.LakeSnapshots;
import ma.marsad.pipeline.lake.PartitionFiler;
import ma.marsad.pipeline.lake.QuarantineColumns;
import ma.marsad.pipeline.lake.RegistrySnapshot;
import ma.marsad.pipeline.lake.SubmissionColumns;
import ma.marsad.pipeline.lake.SubmissionRecord;
import ma.marsad.pipeline.template.ColumnType;

/**
 * Builds a NEW DuckDB warehouse file from the lake's registry: the current partitions become the sources the SQL models
 * read ({@code lake_<template>}, {@code lake_superseded_<template>}, {@code lake_quarantine}, {@code src.*}), the models run in
 * dependency order, then every data test, and the registry's row counts and file sizes are checked against what was
 * loaded. A night that can start from the published warehouse copies it and loads only the submissions that changed.
 * The published warehouse is never touched here.
 */
public final class WarehouseBuilder {

    private final Lake lake;
    private final ModelCatalog models;
    private final List<TemplateTable> templates;
    private final List<Map<String, String>> submitters;
    private final Function<SubmissionRecord, String> feedbackPath;

    /**
     * @param submitters rows with keys code, name_fr, name_ar
     * @param feedbackPath the feedback report of a submission relative to the work folder, or null when it has none
     */
    public WarehouseBuilder(
            Lake lake,
            ModelCatalog models,
            List<TemplateTable> templates,
            List<Map<String, String>> submitters,
            Function<SubmissionRecord, String> feedbackPath) {
        this.lake = lake;
        this.models = models;
        this.templates = List.copyOf(templates);
        this.submitters = List.copyOf(submitters);
        this.feedbackPath = feedbackPath;
    }

    /**
     * What a night asks of the build.
     *
     * @param published the published warehouse a night may start from, or null
     * @param definitionsFingerprint what the templates, models, KPIs and calendar hash to (see {@code
     *     DefinitionsFingerprint}); a published warehouse built with others is not started from
     * @param asOf the run's date
     * @param fullRebuild rebuild from the whole lake even when the published warehouse could be started from
     */
    public record BuildRequest(Path published, String definitionsFingerprint, LocalDate asOf, boolean fullRebuild) {

        /** A build from the whole lake, recording no definitions (the next night will rebuild in full too). */
        public static BuildRequest full(LocalDate asOf) {
            return new BuildRequest(null, "", asOf, true);
        }
    }

    /**
     * Row counts of the published tables, how long the lake load and the models took, and how the file was built.
     *
     * @param state full or incremental, why, and what changed
     */
    public record BuildSummary(Map<String, Long> tableRows, long loadMillis, long modelMillis, BuildState state) {}

    /** Opens a warehouse file for writing, within {@link DuckDbResources}' memory and threads. */
    public static Connection open(Path file) throws SQLException {
        return DuckDbResources.inUtc(
                DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), DuckDbResources.properties()));
    }

    /** Opens a warehouse file read-only, as analysts and the dashboards do. */
    public static Connection openReadOnly(Path file) throws SQLException {
        Properties properties = DuckDbResources.properties();
        properties.setProperty("duckdb.read_only", "true");
        return DuckDbResources.inUtc(DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath(), properties));
    }

    /** Builds {@code target} from the whole lake, as {@link #build(RegistrySnapshot, Path, Path, BuildRequest)} does. */
    public BuildSummary build(RegistrySnapshot snapshot, Path target, Path cache) throws IOException, SQLException {
        return build(snapshot, target, cache, BuildRequest.full(LocalDate.now(ZoneOffset.UTC)));
    }

    /**
     * Builds {@code target} (a leftover from a crashed build is deleted first) and leaves it closed. When the request
     * allows it, the build starts from a copy of the published warehouse and replaces the rows of the submissions that
     * changed since (ADR 8); otherwise it loads the whole lake. Either way the file ends equal, table for table, and
     * records how it was built in {@code ops_build_state}.
     *
     * @throws DataTestFailure when a data test fails; the file is then left unpublished
     */
    public BuildSummary build(RegistrySnapshot snapshot, Path target, Path cache, BuildRequest request)
            throws IOException, SQLException {
        new PartitionFiler(lake).file(snapshot);
        List<String> missing = SubmissionChecks.lakeFiles(lake, snapshot);
        if (!missing.isEmpty()) {
            throw new DataTestFailure(missing);
        }
        LakePosition position = LakePosition.of(snapshot);
        BuildPlan plan = BuildPlan.decide(request, position, snapshot.tables());
        // the current files: on an incremental night those the snapshots since added, which agree with the
        // registry's change set; on a full build every file of the pinned snapshots, checked against the registry
        Map<String, org.apache.hadoop.fs.Path> currentFiles =
                plan.incremental() ? plan.becameCurrentFiles() : checkedTableFiles(snapshot);
        Files.createDirectories(target.toAbsolutePath().getParent());
        Files.deleteIfExists(target);
        Files.deleteIfExists(target.resolveSibling(target.getFileName() + ".wal"));
        if (plan.incremental()) {
            PublishedCopy.copy(request.published(), target);
        }
        try (Connection connection = open(target)) {
            long start = System.nanoTime();
            ChangeSet changes = ChangeSet.NONE;
            ChangedSubmissions changed = null;
            if (plan.incremental()) {
                LakePosition published = plan.published();
                changes = plan.changes();
                Set<String> touched = changes.touched();
                changed = new ChangedSubmissions(touched, touched.stream().anyMatch(published.accepted()::contains));
            }
            loadSources(connection, snapshot, currentFiles, cache, changed == null ? null : changed.ids());
            writeBuildContext(connection, request.asOf());
            ChangedSubmissions counted = changed == null
                    ? null
                    : new ChangedSubmissions(
                            union(changed.ids(), SubmissionChecks.entriesChangedSince(connection)), false);
            long loaded = System.nanoTime();
            ModelRunner runner = new ModelRunner(models);
            runner.run(connection, changed);
            List<String> failures = new ArrayList<>(runner.test(connection, changed));
            failures.addAll(SubmissionChecks.rowCounts(connection, templates, modelNames(), counted));
            if (!failures.isEmpty()) {
                throw new DataTestFailure(failures);
            }
            BuildState state = new BuildState(
                    plan.incremental() ? BuildState.INCREMENTAL : BuildState.FULL,
                    plan.reason(),
                    request.definitionsFingerprint(),
                    request.asOf(),
                    plan.previousAsOf(),
                    changes);
            state.write(connection);
            LakeSnapshotIds.write(connection, snapshot.tables().ids());
            try (Statement statement = connection.createStatement()) {
                statement.execute("drop schema src cascade");
            }
            long modelled = System.nanoTime();
            return new BuildSummary(
                    tableRows(connection), (loaded - start) / 1_000_000, (modelled - loaded) / 1_000_000, state);
        }
    }

    /** What models may read of the build itself: its as-of date ({@code src.build}), e.g. where the periods end. */
    private static void writeBuildContext(Connection connection, LocalDate asOf) throws SQLException {
        try (var statement = connection.prepareStatement("create table src.build as select cast(? as date) as as_of")) {
            statement.setObject(1, asOf == null ? LocalDate.now(ZoneOffset.UTC) : asOf);
            statement.execute();
        }
    }

    /** Loads the lake's current partitions into a table per template, as the benchmark measures (no models). */
    public Map<String, Long> loadFactsOnly(Connection connection, RegistrySnapshot snapshot, Path cache)
            throws IOException, SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        PartitionFiler filer = new PartitionFiler(lake);
        try (Statement statement = connection.createStatement()) {
            for (TemplateTable template : templates) {
                List<Path> files = localFiles(snapshot, snapshot.current(), template, filer, cache);
                String table = "fct_" + template.tableSuffix();
                statement.execute("create or replace table " + table + " as " + select(template, files));
                try (var result = statement.executeQuery("select count(*) from " + table)) {
                    result.next();
                    rows.put(table, result.getLong(1));
                }
            }
        }
        return rows;
    }

    /**
     * The data files of each template table's pinned snapshot, by template and submission: what the build reads as the
     * current rows.
     */
    private Map<String, org.apache.hadoop.fs.Path> checkedTableFiles(RegistrySnapshot snapshot) {
        Map<String, Map<String, org.apache.hadoop.fs.Path>> files = new LinkedHashMap<>();
        Map<String, org.apache.hadoop.fs.Path> bySubmission = new LinkedHashMap<>();
        for (TemplateTable template : templates) {
            Map<String, org.apache.hadoop.fs.Path> ofTemplate = new LinkedHashMap<>();
            for (LakeSnapshots.CurrentFile file : snapshot.tables().currentFiles(template.templateId())) {
                ofTemplate.put(file.submissionId(), file.location());
            }
            files.put(template.templateId(), ofTemplate);
            bySubmission.putAll(ofTemplate);
        }
        List<String> disagreeing = SubmissionChecks.tableFiles(snapshot, files);
        if (!disagreeing.isEmpty()) {
            throw new DataTestFailure(disagreeing);
        }
        return bySubmission;
    }

    /**
     * @param currentFiles the data file of each current submission the views read, from the lake tables' snapshots
     * @param only the submissions whose partitions the lake views read, or null for all
     */
    private void loadSources(
            Connection connection,
            RegistrySnapshot snapshot,
            Map<String, org.apache.hadoop.fs.Path> currentFiles,
            Path cache,
            Set<String> only)
            throws IOException, SQLException {
        PartitionFiler filer = new PartitionFiler(lake);
        SqlScript.execute(connection, WarehouseBuilder.class, "source-tables.sql");
        try (Statement statement = connection.createStatement()) {
            statement.execute(submissionTable());
            Rows.append(connection, "src", "submission", submissionRows(snapshot));
            Rows.append(
                    connection,
                    "src",
                    "template",
                    templates.stream()
                            .map(t -> new Object[] {
                                t.templateId(),
                                t.titles().get("fr"),
                                t.titles().get("ar"),
                                t.titles().get("en"),
                                t.format(),
                                t.periodType(),
                                t.version().number()
                            })
                            .toList());
            Rows.append(
                    connection,
                    "src",
                    "submitter",
                    submitters.stream()
                            .map(s -> new Object[] {s.get("code"), s.get("name_fr"), s.get("name_ar")})
                            .toList());
            List<SubmissionRecord> currentRecords = among(snapshot.current(), only);
            List<SubmissionRecord> acceptedRecords = among(snapshot.accepted(), only);
            // history keeps each accepted revision once: current rows in fct_, the others in superseded_
            List<SubmissionRecord> supersededRecords = acceptedRecords.stream()
                    .filter(record -> !snapshot.isCurrent(record))
                    .toList();
            for (TemplateTable template : templates) {
                List<Path> current = new ArrayList<>();
                for (SubmissionRecord record : currentRecords) {
                    if (record.template().equals(template.templateId())) {
                        org.apache.hadoop.fs.Path file = currentFiles.get(record.submissionId());
                        if (file == null) {
                            throw new IllegalStateException(record.describe()
                                    + ": current in the registry, but no snapshot of its lake table lists its file");
                        }
                        current.add(lake.localCopy(file, cache));
                    }
                }
                List<Path> superseded = localFiles(snapshot, supersededRecords, template, filer, cache);
                statement.execute(
                        "create temp view lake_" + template.tableSuffix() + " as " + select(template, current));
                statement.execute("create temp view lake_superseded_" + template.tableSuffix() + " as "
                        + select(template, superseded));
            }
            List<Path> quarantineFiles = new ArrayList<>();
            for (SubmissionRecord record : acceptedRecords) {
                if (record.quarantineFile() != null) {
                    quarantineFiles.add(lake.localCopy(lake.resolve(record.quarantineFile()), cache));
                }
            }
            // files written before a quarantine column existed read it as null
            statement.execute("create temp view lake_quarantine as "
                    + selectFillingAbsent(QuarantineColumns.COLUMNS, quarantineFiles));
        }
    }

    /** The submission's own columns ({@link SubmissionColumns}), then what the registry's snapshot says of it. */
    private static String submissionTable() {
        StringBuilder ddl = new StringBuilder("create table src.submission (");
        for (SubmissionColumns.Column column : SubmissionColumns.COLUMNS) {
            ddl.append(column.name())
                    .append(' ')
                    // an instant is a TIMESTAMP WITH TIME ZONE in the warehouse
                    .append(
                            column.column().type() == ColumnType.DATETIME
                                    ? "timestamptz"
                                    : column.column().type().sqlType())
                    .append(", ");
        }
        return ddl.append("valid_from timestamptz, valid_to timestamptz, is_current boolean, is_withdrawn boolean,")
                .append(" feedback_path varchar)")
                .toString();
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> union = new java.util.TreeSet<>(a);
        union.addAll(b);
        return union;
    }

    private static List<SubmissionRecord> among(List<SubmissionRecord> records, Set<String> only) {
        return only == null
                ? records
                : records.stream()
                        .filter(record -> only.contains(record.submissionId()))
                        .toList();
    }

    private List<Object[]> submissionRows(RegistrySnapshot snapshot) {
        List<Object[]> rows = new ArrayList<>();
        for (SubmissionRecord record : snapshot.records()) {
            RegistrySnapshot.Validity validity = snapshot.validity(record);
            List<Object> row = new ArrayList<>(Arrays.asList(SubmissionColumns.warehouseValues(record)));
            row.add(validity == null ? null : validity.validFrom());
            row.add(validity == null ? null : validity.validTo());
            row.add(validity != null && validity.current());
            row.add(snapshot.isWithdrawn(record.submissionId()));
            row.add(feedbackPath.apply(record));
            rows.add(row.toArray());
        }
        return rows;
    }

    private List<Path> localFiles(
            RegistrySnapshot snapshot,
            List<SubmissionRecord> records,
            TemplateTable template,
            PartitionFiler filer,
            Path cache)
            throws IOException {
        List<Path> files = new ArrayList<>();
        for (SubmissionRecord record : records) {
            if (record.template().equals(template.templateId()) && record.stagingFile() != null) {
                files.add(lake.localCopy(filer.location(snapshot, record), cache));
            }
        }
        return files;
    }

    /**
     * A select over a template's staging files: a column renamed by a later version of the template has the values of
     * the files of earlier versions too, which hold them under an earlier name.
     */
    static String select(TemplateTable template, List<Path> files) {
        if (template.version().renamedFrom().isEmpty() || files.isEmpty()) {
            return select(template.columns(), files);
        }
        List<LakeColumn> withEarlierNames = new ArrayList<>(template.columns());
        StringBuilder projection = new StringBuilder();
        for (LakeColumn column : template.columns()) {
            List<String> earlier = template.version().renamedFrom().getOrDefault(column.name(), List.of());
            projection.append(projection.isEmpty() ? "" : ", ");
            if (earlier.isEmpty()) {
                projection.append(column.name());
                continue;
            }
            projection.append("coalesce(").append(column.name());
            // the latest earlier name first; a file holds one of them only
            for (int i = earlier.size() - 1; i >= 0; i--) {
                projection.append(", ").append(earlier.get(i));
                withEarlierNames.add(LakeColumn.optional(earlier.get(i), column.type()));
            }
            projection.append(") as ").append(column.name());
        }
        return "select " + projection + " from (" + selectFillingAbsent(withEarlierNames, files) + ")";
    }

    /**
     * A select over Parquet files where a column no file has reads as null: the files' rows are put by name under an
     * empty relation of the full shape.
     */
    static String selectFillingAbsent(List<LakeColumn> columns, List<Path> files) {
        String empty = select(columns, List.of());
        if (files.isEmpty()) {
            return empty;
        }
        String all = select(columns, files);
        String projection = all.substring("select ".length(), all.indexOf(" from read_parquet("));
        String source = all.substring(all.indexOf(" from ") + " from ".length());
        return "select " + projection + " from (" + empty + " union all by name select * from " + source + ")";
    }

    /** A select over Parquet files, or an empty relation of the same shape when there are none. */
    static String select(List<LakeColumn> columns, List<Path> files) {
        if (files.isEmpty()) {
            StringBuilder empty = new StringBuilder("select ");
            for (int i = 0; i < columns.size(); i++) {
                LakeColumn column = columns.get(i);
                empty.append(i == 0 ? "" : ", ")
                        .append("cast(null as ")
                        .append(column.type().sqlType())
                        .append(") as ")
                        .append(column.name());
            }
            return empty.append(" where false").toString();
        }
        StringBuilder list = new StringBuilder();
        for (Path file : files) {
            String text = file.toAbsolutePath().toString();
            if (text.contains("'")) {
                throw new IllegalArgumentException("lake path contains a quote: " + text);
            }
            list.append(list.isEmpty() ? "" : ", ").append('\'').append(text).append('\'');
        }
        StringBuilder projection = new StringBuilder();
        for (LakeColumn column : columns) {
            projection.append(projection.isEmpty() ? "" : ", ").append(column.name());
        }
        // hive_partitioning off: the files carry their own columns; DuckDB would otherwise take period=… from the
        // path and type it DATE when every period in the list is a day, clashing with VARCHAR periods elsewhere
        return "select " + projection + " from read_parquet([" + list
                + "], union_by_name = true, hive_partitioning = false)";
    }

    private Set<String> modelNames() {
        return models.ordered().stream().map(SqlModel::name).collect(Collectors.toSet());
    }

    private static Map<String, Long> tableRows(Connection connection) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
                var result = statement.executeQuery("select table_name from information_schema.tables"
                        + " where table_schema = 'main' and table_type = 'BASE TABLE' order by table_name")) {
            while (result.next()) {
                tables.add(result.getString(1));
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String table : tables) {
                try (var result = statement.executeQuery("select count(*) from main." + table)) {
                    result.next();
                    rows.put(table, result.getLong(1));
                }
            }
        }
        return rows;
    }
}
