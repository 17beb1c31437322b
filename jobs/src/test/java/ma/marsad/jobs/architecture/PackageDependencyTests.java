package ma.marsad.jobs.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * One package per job or command family, depending on each other one way: the nightly job knows nothing of the
 * commands built on it (backfill, recover, status, publish), and the shared pieces (cli, common) know no job. The root
 * package, the application and its root command, sees them all.
 */
class PackageDependencyTests {

    private final JavaClasses jobs = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("ma.marsad.jobs");

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("ma.marsad.jobs.(*)..").should().beFreeOfCycles().check(jobs);
    }

    @Test
    void theNightlyJobKnowsNoCommandBuiltOnIt() {
        noClasses()
                .that()
                .resideInAPackage("ma.marsad.jobs.nightly..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "ma.marsad.jobs.backfill..",
                        "ma.marsad.jobs.recover..",
                        "ma.marsad.jobs.status..",
                        "ma.marsad.jobs.publish..",
                        "ma.marsad.jobs.demo..")
                .check(jobs);
    }

    @Test
    void sharedPiecesKnowNoJob() {
        noClasses()
                .that()
                .resideInAnyPackage("ma.marsad.jobs.cli..", "ma.marsad.jobs.common..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "ma.marsad.jobs.nightly..",
                        "ma.marsad.jobs.backfill..",
                        "ma.marsad.jobs.recover..",
                        "ma.marsad.jobs.status..",
                        "ma.marsad.jobs.publish..",
                        "ma.marsad.jobs.workers..")
                .check(jobs);
    }
}
