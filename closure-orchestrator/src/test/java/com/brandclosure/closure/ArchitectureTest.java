package com.brandclosure.closure;

import com.brandclosure.testkit.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** The one service skeleton (test-kit), one test per check so a failure names the rule. */
class ArchitectureTest {

    private final ServiceArchitecture architecture = ServiceArchitecture.of("com.brandclosure.closure");

    @Test
    void hasTheLayersEachWithAPackageInfo() {
        architecture.hasTheLayers();
    }

    @Test
    void theDomainDependsOnNothingButJavaAndTheKernel() {
        architecture.domainIsPure();
    }

    @Test
    void theDomainNeverReadsTheClockOrMakesRandomIds() {
        architecture.domainNeverReadsTheClockOrMakesRandomIds();
    }

    @Test
    void theApplicationLayerDoesNotUseTheWebLayer() {
        architecture.applicationDoesNotUseTheWebLayer();
    }

    @Test
    void configurationClassesAreNamedConfiguration() {
        architecture.configurationClassesAreNamedConfiguration();
    }
}
