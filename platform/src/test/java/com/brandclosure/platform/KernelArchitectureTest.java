package com.brandclosure.platform;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The kernel is what domains may use, so it must itself be pure Java. */
class KernelArchitectureTest {

    @Test
    void the_kernel_depends_on_nothing_but_java() {
        var classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.brandclosure.platform.kernel");
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("java..", "com.brandclosure.platform.kernel..")
                .check(classes);
    }
}
