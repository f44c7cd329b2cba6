package com.brandclosure.funding;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** funding-service has the one service skeleton, checked the way every service checks it. */
class ArchitectureTest {

    static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("com.brandclosure.funding");

    @Test
    void has_the_layers_each_with_a_package_info() {
        ARCHITECTURE.hasTheLayers();
    }

    @Test
    void domain_depends_only_on_java_and_the_kernel() {
        ARCHITECTURE.domainIsPure();
    }

    @Test
    void domain_does_not_read_the_clock_or_make_ids() {
        ARCHITECTURE.domainNeverReadsTheClockOrMakesRandomIds();
    }

    @Test
    void application_does_not_use_the_web_layer() {
        ARCHITECTURE.applicationDoesNotUseTheWebLayer();
    }

    @Test
    void configuration_classes_are_named_configuration() {
        ARCHITECTURE.configurationClassesAreNamedConfiguration();
    }
}
