package com.brandclosure.catalog;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

class ArchitectureTest {

    @Test
    void domain_depends_on_nothing_but_java_and_the_platform_kernel() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.brandclosure.catalog");
        classes().that().resideInAPackage("com.brandclosure.catalog.domain..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", "com.brandclosure.platform.kernel..", "com.brandclosure.catalog.domain..")
                .check(classes);
    }
}
