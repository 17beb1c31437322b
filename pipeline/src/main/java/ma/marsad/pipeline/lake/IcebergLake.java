package ma.marsad.pipeline.lake;

import java.io.Closeable;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.hadoop.fs.Path;
import org.apache.iceberg.CatalogProperties;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.catalog.Catalog;
import org.apache.iceberg.catalog.Namespace;
import org.apache.iceberg.catalog.SupportsNamespaces;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.exceptions.AlreadyExistsException;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.hadoop.HadoopFileIO;
import org.apache.iceberg.jdbc.JdbcCatalog;
import org.apache.iceberg.jdbc.UncheckedSQLException;
import org.apache.iceberg.mapping.MappingUtil;
import org.apache.iceberg.mapping.NameMappingParser;

/**
 * The lake as Apache Iceberg tables, in namespace {@value #NAMESPACE} of a catalog named {@value #CATALOG_NAME}:
 *
 * <pre>
 * marsad.&lt;template&gt;      accepted rows of a template with their lineage, partitioned by submitter and period;
 *                         the template id with '_' for '-', as in the warehouse's fct_&lt;template&gt;
 *                         (egov-requests: marsad.egov_requests)
 * marsad.quarantine       rejected rows of every template, partitioned by template_id, submitter and period
 * marsad.submission       one row per submission (the registry), partitioned by template_id
 * </pre>
 *
 * The catalog is a Hadoop catalog whose warehouse is {@code <lake>/iceberg} (nothing to run; on a local folder or
 * HDFS), or the JDBC catalog when a {@code jdbc:postgresql://…} address is given (the one for several writing
 * processes). Data files stay where Marsad writes them ({@code staging/}, {@code quarantine/}); the tables' own
 * folders hold their metadata and the submission rows. The Parquet files carry no Iceberg field ids: every table has
 * a name mapping ({@code schema.name-mapping.default}), so files written before the tables existed stay valid, and
 * files of an earlier template version are read under the current names of the columns it renamed.
 *
 * <p>Opening a table with Iceberg's own API, e.g. the accepted rows of {@code egov-requests} on a local lake:
 *
 * <pre>{@code
 * HadoopCatalog catalog = new HadoopCatalog(new Configuration(), "file:/srv/marsad/lake/iceberg");
 * Table table = catalog.loadTable(IcebergLake.templateTable("egov-requests"));
 * table.newScan().planFiles();  // the data files of the current submissions
 * }</pre>
 */
public final class IcebergLake implements Closeable {

    public static final String CATALOG_NAME = "marsad";
    public static final String NAMESPACE = "marsad";
    /** The Hadoop catalog's warehouse folder, under the lake root. */
    public static final String WAREHOUSE_FOLDER = "iceberg";

    public static final String SUBMISSION_TABLE = "submission";
    public static final String QUARANTINE_TABLE = "quarantine";

    /** Snapshot summary property: the submission a commit made visible (idempotence key of a rerun). */
    public static final String SUBMISSION_PROPERTY = "marsad.submission-id";

    /** In the summary of a template table's commit: the committed revision's order (see {@link Revision}). */
    static final String REVISION_PROPERTY = "marsad.revision";

    /** Snapshot summary property: the submission a commit withdrew. */
    public static final String WITHDRAWAL_PROPERTY = "marsad.withdrawn-submission-id";

    private static final Set<String> RESERVED = Set.of(SUBMISSION_TABLE, QUARANTINE_TABLE);

    private final Lake lake;
    private final Catalog catalog;
    private final Map<TableIdentifier, Table> tables = new ConcurrentHashMap<>();

    private IcebergLake(Lake lake, Catalog catalog) {
        this.lake = lake;
        this.catalog = catalog;
    }

    /**
     * Opens the lake's catalog: the Hadoop catalog under the lake when {@code catalogUri} is null or blank, else the
     * JDBC catalog at that address (user and password as URL parameters).
     */
    public static IcebergLake open(Lake lake, String catalogUri) {
        Map<String, String> properties = new HashMap<>();
        properties.put(CatalogProperties.WAREHOUSE_LOCATION, warehouse(lake).toString());
        properties.put(CatalogProperties.FILE_IO_IMPL, HadoopFileIO.class.getName());
        if (catalogUri == null || catalogUri.isBlank()) {
            HadoopCatalog hadoop = new HadoopCatalog();
            hadoop.setConf(lake.configuration());
            hadoop.initialize(CATALOG_NAME, properties);
            return new IcebergLake(lake, hadoop);
        }
        if (!catalogUri.startsWith("jdbc:")) {
            throw new IllegalArgumentException("catalog '" + catalogUri + "' is not a JDBC address: give"
                    + " jdbc:postgresql://host:port/database?user=…&password=…, or no catalog for the lake's own");
        }
        properties.put(CatalogProperties.URI, catalogUri);
        properties.put("jdbc.schema-version", "V1");
        return new IcebergLake(lake, jdbcCatalog(lake, properties));
    }

    /**
     * The JDBC catalog; processes starting together on a new database (a manager and its workers) may each create or
     * upgrade its tables, and all but one fail: they try again, and find the tables made.
     */
    private static JdbcCatalog jdbcCatalog(Lake lake, Map<String, String> properties) {
        for (int attempt = 1; ; attempt++) {
            JdbcCatalog jdbc = new JdbcCatalog();
            jdbc.setConf(lake.configuration());
            try {
                jdbc.initialize(CATALOG_NAME, properties);
                return jdbc;
            } catch (UncheckedSQLException e) {
                closeQuietly(jdbc);
                if (attempt == 5) {
                    throw e;
                }
                try {
                    Thread.sleep(200L * attempt);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static void closeQuietly(JdbcCatalog jdbc) {
        try {
            jdbc.close();
        } catch (RuntimeException e) {
            // its pool may not have opened
        }
    }

    /** Where the Hadoop catalog keeps its tables; table locations under the JDBC catalog too. */
    public static Path warehouse(Lake lake) {
        return new Path(lake.root(), WAREHOUSE_FOLDER);
    }

    /** The table of a template's accepted rows: {@code marsad.egov_requests} for template {@code egov-requests}. */
    public static TableIdentifier templateTable(String templateId) {
        String name = templateId.replace('-', '_');
        if (RESERVED.contains(name)) {
            throw new IllegalArgumentException(
                    "template id '" + templateId + "' is the name of a lake table: rename" + " the template");
        }
        return TableIdentifier.of(NAMESPACE, name);
    }

    public static TableIdentifier submissionTable() {
        return TableIdentifier.of(NAMESPACE, SUBMISSION_TABLE);
    }

    public static TableIdentifier quarantineTable() {
        return TableIdentifier.of(NAMESPACE, QUARANTINE_TABLE);
    }

    public Catalog catalog() {
        return catalog;
    }

    public Lake lake() {
        return lake;
    }

    /** The table if it exists, refreshed to its latest commit. */
    Table existing(TableIdentifier id) {
        Table cached = tables.get(id);
        if (cached != null) {
            cached.refresh();
            return cached;
        }
        if (!catalog.tableExists(id)) {
            return null;
        }
        return tables.computeIfAbsent(id, catalog::loadTable);
    }

    /** The table, created with this schema and partitioning when missing (another process may create it first). */
    Table table(TableIdentifier id, Schema schema, List<String> partitionColumns) {
        Table found = existing(id);
        if (found != null) {
            return found;
        }
        if (catalog instanceof SupportsNamespaces namespaces && !namespaces.namespaceExists(Namespace.of(NAMESPACE))) {
            try {
                namespaces.createNamespace(Namespace.of(NAMESPACE));
            } catch (AlreadyExistsException e) {
                // created by another process meanwhile
            }
        }
        PartitionSpec.Builder spec = PartitionSpec.builderFor(schema);
        partitionColumns.forEach(spec::identity);
        try {
            catalog.buildTable(id, schema)
                    .withPartitionSpec(spec.build())
                    .withProperty(TableProperties.FORMAT_VERSION, "2")
                    .withProperty(TableProperties.DEFAULT_NAME_MAPPING, nameMapping(schema))
                    // several processes commit to one table: retry Iceberg's optimistic commit longer, and soon:
                    // a conflict is another submission's commit of a second or so, not a minute's outage
                    .withProperty(TableProperties.COMMIT_NUM_RETRIES, "20")
                    .withProperty(TableProperties.COMMIT_MIN_RETRY_WAIT_MS, "20")
                    .withProperty(TableProperties.COMMIT_MAX_RETRY_WAIT_MS, "2000")
                    // every commit writes a metadata file: keep the last hundred, not one per submission ever
                    .withProperty(TableProperties.METADATA_DELETE_AFTER_COMMIT_ENABLED, "true")
                    .withProperty(TableProperties.METADATA_PREVIOUS_VERSIONS_MAX, "100")
                    .create();
        } catch (AlreadyExistsException e) {
            // created by another process meanwhile
        }
        return tables.computeIfAbsent(id, catalog::loadTable);
    }

    static String nameMapping(Schema schema) {
        return NameMappingParser.toJson(MappingUtil.create(schema));
    }

    @Override
    public void close() throws IOException {
        tables.clear();
        if (catalog instanceof Closeable closeable) {
            closeable.close();
        }
    }
}
