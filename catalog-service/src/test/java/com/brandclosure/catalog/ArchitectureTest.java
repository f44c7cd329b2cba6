package com.brandclosure.catalog;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one service skeleton (test-kit ServiceArchitecture), as in every service. */
class ArchitectureTest {

    @Test
    void catalog_service_has_the_service_skeleton_a_pure_domain_and_no_clock_or_random_ids_in_it() {
        assertThat(ServiceArchitecture.of("com.brandclosure.catalog").violations()).isEmpty();
    }
}
