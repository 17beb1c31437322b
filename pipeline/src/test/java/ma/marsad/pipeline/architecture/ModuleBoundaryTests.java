package ma.marsad.pipeline.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The pipeline is a plain library: jobs adapt it to Spring Batch, never the other way round. Its packages depend on
 * each other one way: a change to a reader never reaches back into the contracts it reads by, and no two packages need
 * each other.
 */
class ModuleBoundaryTests {

    private final JavaClasses pipeline = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ma.marsad.pipeline");

    @Test
    void pipelineHasNoSpringDependency() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("org.springframework..")
                .because("the pipeline module must stay usable without Spring")
                .check(pipeline);
    }

    @Test
    void pipelineNeverReachesIntoJobsOrDashboards() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("ma.marsad.jobs..", "ma.marsad.dashboards..")
                .check(pipeline);
    }

    @Test
    void templatesDependOnNoReader() {
        noClasses()
                .that()
                .resideInAPackage("ma.marsad.pipeline.template..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("ma.marsad.pipeline.ingest..")
                .because("readers follow the contracts; what both need (reader settings and limits) is in template")
                .check(pipeline);
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("ma.marsad.pipeline.(*)..").should().beFreeOfCycles().check(pipeline);
    }
}
