package ma.marsad.pipeline.warehouse;

import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.lake.LakeColumn;

/**
 * What the warehouse needs to know about a template: its titles for {@code dim_template} and its staging columns
 * (template columns, then lineage), so an empty fact table still has the right shape.
 */
public record TemplateTable(
        String templateId, Map<String, String> titles, String format, String periodType, List<LakeColumn> columns) {

    public TemplateTable {
        titles = Map.copyOf(titles);
        columns = List.copyOf(columns);
    }

    /** {@code egov-requests} → {@code egov_requests}. */
    public String tableSuffix() {
        return templateId.replace('-', '_');
    }
}
