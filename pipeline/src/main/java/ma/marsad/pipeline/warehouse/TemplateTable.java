package ma.marsad.pipeline.warehouse;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.lake.LakeColumn;

/**
 * What the warehouse needs to know about a template: its titles and current version for {@code dim_template}, its
 * staging columns (template columns, then lineage), so an empty fact table still has the right shape, and the earlier
 * names of its renamed columns, under which files of earlier versions hold their values.
 */
public record TemplateTable(
        String templateId,
        Map<String, String> titles,
        String format,
        String periodType,
        List<LakeColumn> columns,
        int version,
        Map<String, List<String>> renamedFrom) {

    public TemplateTable {
        titles = Map.copyOf(titles);
        columns = List.copyOf(columns);
        Map<String, List<String>> renamed = new LinkedHashMap<>();
        renamedFrom.forEach((column, earlier) -> renamed.put(column, List.copyOf(earlier)));
        renamedFrom = java.util.Collections.unmodifiableMap(renamed);
    }

    /** A template at its first version. */
    public TemplateTable(
            String templateId, Map<String, String> titles, String format, String periodType, List<LakeColumn> columns) {
        this(templateId, titles, format, periodType, columns, 1, Map.of());
    }

    /** {@code egov-requests} → {@code egov_requests}. */
    public String tableSuffix() {
        return templateId.replace('-', '_');
    }
}
