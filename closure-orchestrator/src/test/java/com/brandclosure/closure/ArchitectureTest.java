package com.brandclosure.closure;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The one service skeleton (test-kit), one test per check so a failure names the rule. */
class ArchitectureTest {

    private final ServiceArchitecture architecture = ServiceArchitecture.of("com.brandclosure.closure");

    @Test
    void hasTheLayersEachWithAPackageInfo() {
        assertThat(architecture.hasTheLayers()).isEmpty();
    }

    @Test
    void theDomainDependsOnNothingButJavaAndTheKernel() {
        assertThat(architecture.domainIsPure()).isEmpty();
    }

    @Test
    void theDomainNeverReadsTheClockOrMakesRandomIds() {
        assertThat(architecture.domainNeverReadsTheClockOrMakesRandomIds()).isEmpty();
    }

    @Test
    void theApplicationLayerDoesNotUseTheWebLayer() {
        assertThat(architecture.applicationDoesNotUseTheWebLayer()).isEmpty();
    }

    @Test
    void configurationClassesAreNamedConfiguration() {
        assertThat(architecture.configurationClassesAreNamedConfiguration()).isEmpty();
    }
}
