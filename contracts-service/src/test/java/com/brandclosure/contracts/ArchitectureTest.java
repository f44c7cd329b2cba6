package com.brandclosure.contracts;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The one service skeleton (test kit), checked on this service. */
class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("com.brandclosure.contracts");

    @Test
    void has_the_layers_of_every_service_each_with_a_package_info() {
        ARCHITECTURE.hasTheLayers();
    }

    @Test
    void domain_depends_on_nothing_but_java_and_the_platform_kernel() {
        ARCHITECTURE.domainIsPure();
    }

    @Test
    void domain_never_reads_the_clock_or_makes_random_ids() {
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
