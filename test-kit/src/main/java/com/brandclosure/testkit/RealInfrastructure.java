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
 * missing) and {@code spring.kafka.bootstrap-servers}. Works with {@code @SpringBootTest};
 * outside Spring, call {@link Infrastructure#get()} directly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface RealInfrastructure {

    /** The PostgreSQL database this context uses; one per service keeps services' data apart. */
    String database();
}
