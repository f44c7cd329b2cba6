package com.brandclosure.localstack.demo;

import java.net.URI;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Where the running local stack answers, handed to a {@link DemoJourney}.
 *
 * @param services              base URL of each service by module name, e.g. {@code contracts-service -> http://localhost:8081}
 * @param kafkaBootstrapServers e.g. {@code localhost:9092}
 * @param postgresJdbcUrls      JDBC URL of each service's database by module name (user/password {@code postgres})
 */
public record StackEndpoints(Map<String, URI> services, String kafkaBootstrapServers, Map<String, String> postgresJdbcUrls) {

    public StackEndpoints {
        services = Map.copyOf(services);
        postgresJdbcUrls = Map.copyOf(postgresJdbcUrls);
    }

    /** Base URL of a service by module name; fails naming the known ones. */
    public URI service(String module) {
        URI uri = services.get(module);
        if (uri == null) {
            throw new NoSuchElementException("no service " + module + "; known: " + services.keySet());
        }
        return uri;
    }
}
