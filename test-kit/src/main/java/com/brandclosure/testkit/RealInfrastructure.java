package com.brandclosure.testkit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Gives a Spring test context the JVM's shared real Kafka broker and real PostgreSQL
 * ({@link Infrastructure}): sets {@code spring.datasource.*} to the named database (created if
 * missing) and {@code spring.kafka.*} (bootstrap servers and, on the authenticated broker, SASL/SCRAM
 * as the context's Kafka principal). Works with {@code @SpringBootTest}; outside Spring, call
 * {@link Infrastructure#get()} directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

    /** The PostgreSQL database this context uses; one per service keeps services' data apart. */
    String database();

    /**
     * The Kafka principal the context authenticates as ({@code KafkaAccess}); empty: the context's
     * {@code spring.application.name} when it names a principal (a service), otherwise {@code admin}
     * (platform tests on topics of their own).
     */
    String kafkaPrincipal() default "";
}
