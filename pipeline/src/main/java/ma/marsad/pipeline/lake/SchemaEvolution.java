package ma.marsad.pipeline.lake;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.TableProperties;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.mapping.MappedField;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Type;
import org.apache.iceberg.types.TypeUtil;
import org.apache.iceberg.types.Types;

/**
 * What a table's schema and name mapping become to read a file of a template version: a column the version renamed is
 * renamed in the table (same field id, so older rows keep their values), a column retyped as Iceberg allows (int to
 * long, float to double) is promoted, a new column is added; the name mapping gives each field id its current name and
 * every earlier one, since the files carry no field ids and older ones hold the earlier names. A column a version
 * removes or no longer requires becomes optional.
 */
final class SchemaEvolution {

    private static final int ATTEMPTS = 10;

    private SchemaEvolution() {}

    /**
     * Makes the table read a file of this schema and template version. Two ingestion threads of one process may meet
     * here; another process changing the schema first makes the commit fail, and the next look finds its change.
     */
    static void follow(Table table, Schema fileSchema, TemplateVersion version) {
        synchronized (table) {
            for (int attempt = 1; ; attempt++) {
                try {
                    UpdateSchema update = schemaUpdate(table, fileSchema, version);
                    if (update != null) {
                        update.commit();
                    }
                    String mapping = nameMappingUpdate(table, version);
                    if (mapping != null) {
                        table.updateProperties()
                                .set(TableProperties.DEFAULT_NAME_MAPPING, mapping)
                                .commit();
                    }
                    return;
                } catch (CommitFailedException e) {
                    if (attempt == ATTEMPTS) {
                        throw e;
                    }
                    table.refresh();
                }
            }
        }
    }

    /** The schema update the file needs, or null when the table already reads it. */
    static UpdateSchema schemaUpdate(Table table, Schema fileSchema, TemplateVersion version) {
        Schema schema = table.schema();
        Set<String> earlierNames = earlierNames(table);
        UpdateSchema update = table.updateSchema();
        boolean changed = false;
        Map<String, String> tableNames = new HashMap<>();
        for (Map.Entry<String, List<String>> renamed : version.renamedFrom().entrySet()) {
            String column = renamed.getKey();
            if (schema.findField(column) != null) {
                continue;
            }
            // the latest earlier name the table still has: a column renamed twice went through each
            List<String> earlier = renamed.getValue();
            for (int i = earlier.size() - 1; i >= 0; i--) {
                if (schema.findField(earlier.get(i)) != null) {
                    update.renameColumn(earlier.get(i), column);
                    tableNames.put(column, earlier.get(i));
                    changed = true;
                    break;
                }
            }
        }
        for (Types.NestedField column : fileSchema.columns()) {
            String tableName = tableNames.getOrDefault(column.name(), column.name());
            Types.NestedField present = schema.findField(tableName);
            if (present == null) {
                // a file of an earlier version, committed late, holds an earlier name the mapping already reads
                if (!earlierNames.contains(column.name())) {
                    update.addColumn(column.name(), column.type());
                    changed = true;
                }
            } else if (!present.type().equals(column.type())) {
                if (promotes(present.type(), column.type())) {
                    update.updateColumn(tableName, column.type().asPrimitiveType());
                    changed = true;
                } else if (!promotes(column.type(), present.type())) {
                    throw new IllegalStateException("column " + column.name() + " is " + column.type() + " in the file"
                            + " and " + present.type() + " in the lake table " + table.name() + ", a change Iceberg"
                            + " cannot make. Fix: give the column its earlier type back, or a new name (a new"
                            + " column); a type may only widen: year to integer");
                }
            }
        }
        // a column a version removed, or no longer requires: the table's newer rows have no value in it
        Map<String, Boolean> fileRequires = new HashMap<>();
        for (Types.NestedField column : fileSchema.columns()) {
            fileRequires.put(tableNames.getOrDefault(column.name(), column.name()), column.isRequired());
        }
        for (Types.NestedField field : schema.columns()) {
            if (field.isRequired() && !fileRequires.getOrDefault(field.name(), false)) {
                update.makeColumnOptional(field.name());
                changed = true;
            }
        }
        return changed ? update : null;
    }

    /** The name mapping the table needs, or null when its own is it. */
    static String nameMappingUpdate(Table table, TemplateVersion version) {
        Schema schema = table.schema();
        Set<String> taken = new HashSet<>();
        Map<Integer, Set<String>> names = new LinkedHashMap<>();
        for (Types.NestedField field : schema.columns()) {
            names.put(field.fieldId(), new LinkedHashSet<>(List.of(field.name())));
            taken.add(field.name());
        }
        NameMapping present = presentMapping(table);
        if (present != null) {
            for (MappedField field : present.asMappedFields().fields()) {
                if (field.id() != null && names.containsKey(field.id())) {
                    addEarlier(names.get(field.id()), field.names(), taken);
                }
            }
        }
        version.renamedFrom().forEach((column, earlier) -> {
            Types.NestedField field = schema.findField(column);
            if (field != null) {
                addEarlier(names.get(field.fieldId()), earlier, taken);
            }
        });
        List<MappedField> fields = new ArrayList<>();
        names.forEach((id, fieldNames) -> fields.add(MappedField.of(id, fieldNames)));
        String mapping = NameMappingParser.toJson(NameMapping.of(fields));
        return present != null && mapping.equals(NameMappingParser.toJson(present)) ? null : mapping;
    }

    /** An earlier name another column now has, or an earlier column had, stays with that column. */
    private static void addEarlier(Set<String> names, Iterable<String> earlier, Set<String> taken) {
        for (String name : earlier) {
            if (!names.contains(name) && taken.add(name)) {
                names.add(name);
            }
        }
    }

    private static Set<String> earlierNames(Table table) {
        Set<String> earlier = new HashSet<>();
        NameMapping present = presentMapping(table);
        if (present != null) {
            present.asMappedFields().fields().forEach(field -> earlier.addAll(field.names()));
        }
        table.schema().columns().forEach(field -> earlier.remove(field.name()));
        return earlier;
    }

    private static NameMapping presentMapping(Table table) {
        String json = table.properties().get(TableProperties.DEFAULT_NAME_MAPPING);
        return json == null ? null : NameMappingParser.fromJson(json);
    }

    private static boolean promotes(Type from, Type to) {
        return to.isPrimitiveType() && TypeUtil.isPromotionAllowed(from, to.asPrimitiveType());
    }
}
