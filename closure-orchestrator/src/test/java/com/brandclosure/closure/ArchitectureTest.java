package com.brandclosure.closure;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {

    private final com.tngtech.archunit.core.domain.JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.brandclosure.closure");

    @Test
    void theDomainDependsOnNothingButJavaAndTheKernel() {
        classes().that().resideInAPackage("..closure.domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.brandclosure.platform.kernel..", "com.brandclosure.closure.domain..")
                .check(classes);
    }

    @Test
    void theDomainNeverReadsTheClockOrMakesRandomIds() {
        noClasses().that().resideInAPackage("..closure.domain..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.util.UUID.class, "randomUUID")
                .check(classes);
    }
}
