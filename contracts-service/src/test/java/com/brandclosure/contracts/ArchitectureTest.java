package com.brandclosure.contracts;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one service skeleton (test kit), checked on this service. */
class ArchitectureTest {

    private static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("com.brandclosure.contracts");

    @Test
    void has_the_layers_of_every_service_each_with_a_package_info() {
        assertThat(ARCHITECTURE.hasTheLayers()).isEmpty();
    }

    @Test
    void domain_depends_on_nothing_but_java_and_the_platform_kernel() {
        assertThat(ARCHITECTURE.domainIsPure()).isEmpty();
    }

    @Test
    void domain_never_reads_the_clock_or_makes_random_ids() {
        assertThat(ARCHITECTURE.domainNeverReadsTheClockOrMakesRandomIds()).isEmpty();
    }

    @Test
    void application_does_not_use_the_web_layer() {
        assertThat(ARCHITECTURE.applicationDoesNotUseTheWebLayer()).isEmpty();
    }

    @Test
    void configuration_classes_are_named_configuration() {
        assertThat(ARCHITECTURE.configurationClassesAreNamedConfiguration()).isEmpty();
    }
}
