package ma.marsad.pipeline.lake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Schema;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.mapping.NameMapping;
import org.apache.iceberg.mapping.NameMappingParser;
import org.apache.iceberg.types.Types;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A lake table following the files of successive template versions, in a Hadoop catalog of its own. */
class SchemaEvolutionTests {

    private static final TableIdentifier TABLE = TableIdentifier.of(IcebergLake.NAMESPACE, "tiny");

    @TempDir
    Path folder;

    @Test
    void aColumnRenamedTwiceKeepsItsFieldIdAndEveryNameAndAFileOfAnEarlierVersionChangesNothing() throws Exception {
        try (IcebergLake lake = IcebergLake.open(Lake.local(folder), null)) {
            Table table = lake.table(TABLE, schema(Types.LongType.get(), "note"), List.of());
            int noteId = table.schema().findField("note").fieldId();

            SchemaEvolution.follow(
                    table,
                    schema(Types.LongType.get(), "score"),
                    new TemplateVersion(2, Map.of("score", List.of("note"))));
            SchemaEvolution.follow(
                    table,
                    schema(Types.LongType.get(), "rating"),
                    new TemplateVersion(3, Map.of("rating", List.of("note", "score"))));

            assertThat(table.schema().columns())
                    .extracting(Types.NestedField::name)
                    .containsExactly("annee", "rating");
            assertThat(table.schema().findField("rating").fieldId()).isEqualTo(noteId);
            assertThat(mapping(table).find("note").names()).containsExactlyInAnyOrder("rating", "note", "score");

            // a file of version 1, committed late (a lake written before its tables): read through the mapping
            assertThat(SchemaEvolution.schemaUpdate(table, schema(Types.LongType.get(), "note"), TemplateVersion.FIRST))
                    .isNull();
            assertThat(SchemaEvolution.nameMappingUpdate(table, TemplateVersion.FIRST))
                    .isNull();
        }
    }

    @Test
    void aColumnWidensAsIcebergAllowsAndOtherRetypesAreRefused() throws Exception {
        try (IcebergLake lake = IcebergLake.open(Lake.local(folder), null)) {
            Table table = lake.table(TABLE, schema(Types.IntegerType.get(), "note"), List.of());

            SchemaEvolution.follow(table, schema(Types.LongType.get(), "note"), new TemplateVersion(2, Map.of()));
            assertThat(table.schema().findField("note").type()).isEqualTo(Types.LongType.get());
            // an INT32 file of version 1 is read as long
            assertThat(SchemaEvolution.schemaUpdate(
                            table, schema(Types.IntegerType.get(), "note"), TemplateVersion.FIRST))
                    .isNull();

            assertThatThrownBy(() -> SchemaEvolution.schemaUpdate(
                            table, schema(Types.StringType.get(), "note"), new TemplateVersion(3, Map.of())))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("column note is string in the file and long in the lake table")
                    .hasMessageContaining("Fix: give the column its earlier type back, or a new name");
        }
    }

    @Test
    void aColumnAVersionRemovesBecomesOptional() throws Exception {
        try (IcebergLake lake = IcebergLake.open(Lake.local(folder), null)) {
            Schema required = new Schema(
                    Types.NestedField.required(1, "annee", Types.IntegerType.get()),
                    Types.NestedField.required(2, "note", Types.LongType.get()));
            Table table = lake.table(TABLE, required, List.of());

            Schema withoutNote = new Schema(Types.NestedField.required(1, "annee", Types.IntegerType.get()));
            SchemaEvolution.follow(table, withoutNote, new TemplateVersion(2, Map.of()));

            assertThat(table.schema().findField("annee").isRequired()).isTrue();
            assertThat(table.schema().findField("note").isOptional()).isTrue();
        }
    }

    private static NameMapping mapping(Table table) {
        return NameMappingParser.fromJson(
                table.properties().get(org.apache.iceberg.TableProperties.DEFAULT_NAME_MAPPING));
    }

    /** A file's columns: a year, then one column of this type. */
    private static Schema schema(org.apache.iceberg.types.Type type, String name) {
        return new Schema(
                Types.NestedField.optional(1, "annee", Types.IntegerType.get()),
                Types.NestedField.optional(2, name, type));
    }
}
