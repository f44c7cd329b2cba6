package com.brandclosure.testkit;

import com.brandclosure.kafkaaccess.KafkaAccess;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.TestContextAnnotationUtils;

import java.util.List;
import java.util.Map;

/** Registered in {@code META-INF/spring.factories}: turns {@link RealInfrastructure} into properties. */
public class RealInfrastructureContextCustomizerFactory implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
                                                     List<ContextConfigurationAttributes> configAttributes) {
        RealInfrastructure annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
                RealInfrastructure.class);
        return annotation == null ? null : new Customizer(annotation.database(), annotation.kafkaPrincipal());
    }

    private record Customizer(String database, String kafkaPrincipal) implements ContextCustomizer {
        @Override
        public void customizeContext(org.springframework.context.ConfigurableApplicationContext context,
                                     org.springframework.test.context.MergedContextConfiguration config) {
            // application.yml is loaded by now: a service's test context authenticates as that service.
            String principal = kafkaPrincipal.isEmpty()
                    ? principalOf(context.getEnvironment().getProperty("spring.application.name"))
                    : kafkaPrincipal;
            Map<String, Object> properties = new java.util.HashMap<>(properties(database, principal));
            // A test that asks for another security mode in its own properties (the platform's demo-mode
            // test) keeps it; every other test runs with JWTs, as in production.
            if (java.util.Arrays.stream(config.getPropertySourceProperties())
                    .anyMatch(p -> p.startsWith("platform.security.mode="))) {
                properties.remove("platform.security.mode");
            }
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("realInfrastructure", properties));
        }
    }

    /** The principal of an application: itself if {@code KafkaAccess} knows it, otherwise {@code admin}. */
    public static String principalOf(String applicationName) {
        return applicationName != null && KafkaAccess.principal(applicationName).isPresent()
                ? applicationName : KafkaAccess.ADMIN;
    }

    /** {@link #commandLineArgs(String, String)} as the super user {@code admin}: for applications that are no service. */
    public static String[] commandLineArgs(String database) {
        return commandLineArgs(database, KafkaAccess.ADMIN);
    }

    /** {@link #properties(String, String)} as the super user {@code admin}. */
    public static Map<String, Object> properties(String database) {
        return properties(database, KafkaAccess.ADMIN);
    }

    /**
     * The same as command-line arguments, for {@code SpringApplicationBuilder.run(args)}: unlike
     * {@code builder.properties(..)} (defaults, which application.yml overrides) these win.
     *
     * @param kafkaPrincipal the Kafka principal of the application, e.g. its {@code spring.application.name}
     */
    public static String[] commandLineArgs(String database, String kafkaPrincipal) {
        return properties(database, kafkaPrincipal).entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
    }

    /** The properties that point an application at the shared infrastructure and the named database. */
    public static Map<String, Object> properties(String database, String kafkaPrincipal) {
        Infrastructure infra = Infrastructure.get();
        Map<String, Object> properties = new java.util.HashMap<>(TestTokens.properties());
        properties.put("spring.datasource.url", infra.jdbcUrl(database) + "?reWriteBatchedInserts=true");
        properties.put("spring.datasource.username", infra.postgresUser());
        properties.put("spring.datasource.password", infra.postgresPassword());
        properties.putAll(infra.kafkaSpringProperties(kafkaPrincipal));
        properties.put("platform.crypto.master-key", MASTER_KEY);
        return Map.copyOf(properties);
    }

    /** The master key of every application of this JVM (platform.crypto): random, like the Kafka passwords. */
    public static final String MASTER_KEY = masterKey();

    private static String masterKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return java.util.Base64.getEncoder().encodeToString(key);
    }
}
