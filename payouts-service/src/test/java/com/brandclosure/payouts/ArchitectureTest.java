package com.brandclosure.payouts;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

@AnalyzeClasses(packages = "com.brandclosure.payouts", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_java_and_the_kernel = classes()
            .that().resideInAPackage("com.brandclosure.payouts.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.brandclosure.payouts.domain..", "com.brandclosure.platform.kernel..");

    @ArchTest
    static final ArchRule domain_does_not_read_the_clock_or_make_ids = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .noClasses().that().resideInAPackage("com.brandclosure.payouts.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.util.UUID.class, "randomUUID");
}
