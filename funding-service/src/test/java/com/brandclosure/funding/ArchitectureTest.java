package com.brandclosure.funding;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

@AnalyzeClasses(packages = "com.brandclosure.funding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_only_on_java_and_the_kernel = classes()
            .that().resideInAPackage("com.brandclosure.funding.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "com.brandclosure.funding.domain..", "com.brandclosure.platform.kernel..");

    @ArchTest
    static final ArchRule domain_does_not_read_the_clock_or_make_ids = noClasses()
            .that().resideInAPackage("com.brandclosure.funding.domain..")
            .should().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.util.UUID.class, "randomUUID");
}
