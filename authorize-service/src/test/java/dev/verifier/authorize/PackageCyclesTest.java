package dev.verifier.authorize;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between the packages of authorize-service go one way: no package (with everything below it counted apart, so
 * {@code a} and {@code a.b} are two) reaches, directly or through others, a package that reaches it. A reintroduced
 * cycle fails here with the classes that make it. docs/architecture.md ("Packages") says which way each one goes.
 */
class PackageCyclesTest {

    @Test
    void noPackageCycles() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.verifier.authorize");
        slices().matching("dev.verifier.authorize.(**)").should().beFreeOfCycles().check(classes);
    }
}
