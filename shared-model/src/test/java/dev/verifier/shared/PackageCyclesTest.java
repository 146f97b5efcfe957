package dev.verifier.shared;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the packages of shared-model go one way: no package (with everything below it counted apart, so
 * {@code a} and {@code a.b} are two) reaches, directly or through others, a package that reaches it. A reintroduced
 * cycle fails here with the classes that make it. docs/architecture.md ("Packages") says which way each one goes.
 */
class PackageCyclesTest {

    @Test
    void noPackageCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.verifier.shared");
        slices().matching("dev.verifier.shared.(**)").should().beFreeOfCycles().check(classes);
    }

    /** The rule every module's PackageCyclesTest applies finds a cycle (the test fixture's, front ↔ back). */
    @Test
    void theRuleFindsACycle() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.verifier.shared.cyclefixture");
        String report = slices().matching("dev.verifier.shared.cyclefixture.(**)").should().beFreeOfCycles()
                .evaluate(fixture).getFailureReport().toString().replaceAll("\\s+", " ");
        assertTrue(report.contains("Cycle detected: Slice back -> Slice front -> Slice back")
                || report.contains("Cycle detected: Slice front -> Slice back -> Slice front"), report);
    }
}
