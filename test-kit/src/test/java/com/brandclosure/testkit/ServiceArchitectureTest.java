package com.brandclosure.testkit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The skeleton checks find what a service breaks (the fixture package {@code brokenservice} breaks each rule). */
class ServiceArchitectureTest {

    private final ServiceArchitecture broken = ServiceArchitecture.includingTests("com.brandclosure.testkit.brokenservice");

    @Test
    void missing_and_stray_packages_and_missing_package_infos_are_named() {
        assertThat(broken.hasTheLayers()).anySatisfy(v -> assertThat(v).contains("layers missing").contains("messaging")
                        .contains("persistence"))
                .anySatisfy(v -> assertThat(v).contains("outside the skeleton").contains("misc"))
                .anySatisfy(v -> assertThat(v).contains("without a package-info").contains("domain"));
    }

    @Test
    void a_domain_that_uses_jdbc_reads_the_clock_or_makes_random_ids_is_refused() {
        assertThat(broken.domainIsPure()).anySatisfy(v -> assertThat(v).contains("java.sql.Timestamp"));
        assertThat(broken.domainNeverReadsTheClockOrMakesRandomIds())
                .anySatisfy(v -> assertThat(v).contains("Instant.now()"))
                .anySatisfy(v -> assertThat(v).contains("UUID.randomUUID()"));
    }

    @Test
    void an_application_class_using_the_web_layer_and_a_misnamed_configuration_are_refused() {
        assertThat(broken.applicationDoesNotUseTheWebLayer()).anySatisfy(v -> assertThat(v).contains("UsesWeb"));
        assertThat(broken.configurationClassesAreNamedConfiguration()).anySatisfy(v -> assertThat(v).contains("Wiring"));
        assertThat(broken.violations()).hasSizeGreaterThanOrEqualTo(7);
    }
}
