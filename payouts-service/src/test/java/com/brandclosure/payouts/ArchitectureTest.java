package com.brandclosure.payouts;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    @Test
    void payouts_service_has_the_one_service_skeleton() {
        ServiceArchitecture.of("com.brandclosure.payouts").check();
    }
}
