package ma.marsad.pipeline.lake;

import java.util.Objects;
import ma.marsad.pipeline.template.ColumnType;

/** A column of a Parquet file in the lake: its name and the template type that decides its physical type. */
public record LakeColumn(String name, ColumnType type, boolean required) {

    public LakeColumn {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (!name.matches("[a-z][a-z0-9_]*")) {
            throw new IllegalArgumentException(
                    "lake column name '" + name + "' must be lower-case letters, digits and '_'");
        }
    }

    public static LakeColumn optional(String name, ColumnType type) {
        return new LakeColumn(name, type, false);
    }

    public static LakeColumn required(String name, ColumnType type) {
        return new LakeColumn(name, type, true);
    }
}
