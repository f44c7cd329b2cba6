package com.brandclosure.localstack.demo;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * Where the running local stack answers, handed to a {@link DemoJourney}.
 *
 * @param services              base URL of each service by module name, e.g. {@code contracts-service -> http://localhost:8081}
 * @param kafkaBootstrapServers e.g. {@code localhost:9092}
 * @param postgresJdbcUrls      JDBC URL of each service's database by module name (user/password {@code postgres})
 * @param instances             base URL of every instance of each service by module name, the first being
 *                              {@code services}' ({@code ./run.sh --instances N}; each instance has its own clock)
 */
public record StackEndpoints(Map<String, URI> services, String kafkaBootstrapServers, Map<String, String> postgresJdbcUrls,
                             Map<String, List<URI>> instances) {

    public StackEndpoints {
        services = Map.copyOf(services);
        postgresJdbcUrls = Map.copyOf(postgresJdbcUrls);
        instances = Map.copyOf(instances);
    }

    /** One instance of every service. */
    public StackEndpoints(Map<String, URI> services, String kafkaBootstrapServers, Map<String, String> postgresJdbcUrls) {
        this(services, kafkaBootstrapServers, postgresJdbcUrls, oneEach(services));
    }

    private static Map<String, List<URI>> oneEach(Map<String, URI> services) {
        var each = new java.util.LinkedHashMap<String, List<URI>>();
        services.forEach((module, uri) -> each.put(module, List.of(uri)));
        return each;
    }

    /** Every instance of a service by module name (at least the one {@link #service} names). */
    public List<URI> instancesOf(String module) {
        List<URI> all = instances.get(module);
        return all == null || all.isEmpty() ? List.of(service(module)) : all;
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
