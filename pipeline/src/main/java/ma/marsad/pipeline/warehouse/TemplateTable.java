package ma.marsad.pipeline.warehouse;

import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.lake.LakeColumn;
import ma.marsad.pipeline.lake.TemplateVersion;

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
        TemplateVersion version) {

    public TemplateTable {
        titles = Map.copyOf(titles);
        columns = List.copyOf(columns);
    }

    /** {@code egov-requests} → {@code egov_requests}. */
    public String tableSuffix() {
        return templateId.replace('-', '_');
    }
}
