package com.brandclosure.payouts;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ArchitectureTest {

    @Test
    void payouts_service_has_the_one_service_skeleton() {
        assertThat(ServiceArchitecture.of("com.brandclosure.payouts").violations()).isEmpty();
    }
}
