package dev.verifier.shared;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * shared-model says what it is: every bean it registers in a service (a singleton, factory, context bean, filter,
 * exception handler, Kafka listener or client, anything conditional on {@code @Requires}) lives under
 * {@code dev.verifier.shared.runtime}; every other package holds stateless types and helpers only.
 */
class RuntimePackagesTest {

    static final ArchRule BEANS_UNDER_RUNTIME = classes()
            .that().areAnnotatedWith("jakarta.inject.Singleton")
            .or().areAnnotatedWith("io.micronaut.context.annotation.Factory")
            .or().areAnnotatedWith("io.micronaut.context.annotation.Context")
            .or().areAnnotatedWith("io.micronaut.context.annotation.Requires")
            .or().areAnnotatedWith("io.micronaut.context.annotation.Requirements")
            .or().areAnnotatedWith("io.micronaut.http.annotation.Filter")
            .or().areAnnotatedWith("io.micronaut.http.annotation.ServerFilter")
            .or().areAnnotatedWith("io.micronaut.configuration.kafka.annotation.KafkaListener")
            .or().areAnnotatedWith("io.micronaut.configuration.kafka.annotation.KafkaClient")
            .or().implement("io.micronaut.http.server.exceptions.ExceptionHandler")
            .should().resideInAPackage("dev.verifier.shared.runtime..")
            .as("shared-model's beans live under dev.verifier.shared.runtime");

    @Test
    void everyBeanLivesUnderRuntime() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.verifier.shared");
        BEANS_UNDER_RUNTIME.check(classes);
    }

    /** The rule finds a bean outside runtime (the test fixture's, a singleton in a stateless package). */
    @Test
    void theRuleFindsABeanOutsideRuntime() {
        JavaClasses fixture = new ClassFileImporter().importPackages("dev.verifier.shared.beanfixture");
        String report = BEANS_UNDER_RUNTIME.evaluate(fixture).getFailureReport().toString();
        assertTrue(report.contains("dev.verifier.shared.beanfixture.MisplacedBean"), report);
    }
}
