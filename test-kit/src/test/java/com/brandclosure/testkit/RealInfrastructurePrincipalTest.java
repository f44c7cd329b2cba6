package com.brandclosure.testkit;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@link RealInfrastructure} context authenticates as the principal its application name or attribute names. */
class RealInfrastructurePrincipalTest {

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Nested
    @SpringBootTest(classes = Empty.class, properties = "spring.application.name=catalog-service")
    @RealInfrastructure(database = "kit_principal")
    class A_service_context {
        @Autowired
        Environment environment;

        @Test
        void logs_in_as_the_service() {
            assumeAuthenticated();
            assertThat(environment.getProperty("spring.kafka.security.protocol")).isEqualTo("SASL_PLAINTEXT");
            assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config"))
                    .contains("username=\"catalog-service\"")
                    .contains("password=\"" + Infrastructure.get().kafkaPassword("catalog-service") + "\"");
            assertThat(environment.getProperty("KAFKA_PASSWORD")).isEqualTo(Infrastructure.get().kafkaPassword("catalog-service"));
        }
    }

    @Nested
    @SpringBootTest(classes = Empty.class, properties = "spring.application.name=some-test-app")
    @RealInfrastructure(database = "kit_principal")
    class A_context_that_is_no_service {
        @Autowired
        Environment environment;

        @Test
        void logs_in_as_admin() {
            assumeAuthenticated();
            assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config")).contains("username=\"admin\"");
        }
    }

    @Nested
    @SpringBootTest(classes = Empty.class, properties = "spring.application.name=catalog-service")
    @RealInfrastructure(database = "kit_principal", kafkaPrincipal = "tracking")
    class A_context_naming_its_principal {
        @Autowired
        Environment environment;

        @Test
        void logs_in_as_that_principal() {
            assumeAuthenticated();
            assertThat(environment.getProperty("spring.kafka.properties.sasl.jaas.config")).contains("username=\"tracking\"");
        }
    }

    private static void assumeAuthenticated() {
        org.assertj.core.api.Assumptions.assumeThat(Infrastructure.get().kafkaAuthenticated()).isTrue();
    }
}
