package ma.marsad.jobs.common;

import java.util.List;
import java.util.Map;
import ma.marsad.pipeline.ingest.SubmissionIngester;
import ma.marsad.pipeline.template.TemplateCatalog;
import ma.marsad.pipeline.template.TemplateContract;
import ma.marsad.pipeline.warehouse.TemplateTable;

/** What the warehouse builder needs of each template: titles, format, period type, staging columns and version. */
public final class WarehouseTables {

    private WarehouseTables() {}

    public static List<TemplateTable> of(TemplateCatalog templates) {
        return templates.contracts().stream().map(WarehouseTables::of).toList();
    }

    static TemplateTable of(TemplateContract contract) {
        return new TemplateTable(
                contract.id(),
                Map.of(
                        "fr",
                        contract.titles().fr(),
                        "ar",
                        contract.titles().ar(),
                        "en",
                        contract.titles().en()),
                String.join("|", contract.formats()),
                contract.periodType().label(),
                SubmissionIngester.stagingColumns(contract),
                SubmissionIngester.templateVersion(contract));
    }
}
