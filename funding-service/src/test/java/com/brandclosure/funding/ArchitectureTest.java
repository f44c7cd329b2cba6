package com.brandclosure.funding;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** funding-service has the one service skeleton, checked the way every service checks it. */
class ArchitectureTest {

    static final ServiceArchitecture ARCHITECTURE = ServiceArchitecture.of("com.brandclosure.funding");

    @Test
    void has_the_layers_each_with_a_package_info() {
        assertThat(ARCHITECTURE.hasTheLayers()).isEmpty();
    }

    @Test
    void domain_depends_only_on_java_and_the_kernel() {
        assertThat(ARCHITECTURE.domainIsPure()).isEmpty();
    }

    @Test
    void domain_does_not_read_the_clock_or_make_ids() {
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
