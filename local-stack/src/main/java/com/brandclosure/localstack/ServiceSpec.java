package com.brandclosure.localstack;

import java.nio.file.Path;
import java.util.List;

/**
 * One of the five services as the local stack runs it: its module, fixed port and database
 * (docs/service-conventions.md). The same values are in each module's application.yml; a test keeps
 * them equal.
 */
public record ServiceSpec(String module, int port, String database) {

    public static final String VERSION = "0.1.0-SNAPSHOT";

    /** Start order does not matter (they only talk through Kafka); this is the order they are listed in. */
    public static final List<ServiceSpec> ALL = List.of(
            new ServiceSpec("closure-orchestrator", 8080, "closure"),
            new ServiceSpec("contracts-service", 8081, "contracts"),
            new ServiceSpec("payouts-service", 8082, "payouts"),
            new ServiceSpec("funding-service", 8083, "funding"),
            new ServiceSpec("catalog-service", 8084, "catalog"));

    /** The runnable jar the module's spring-boot-maven-plugin builds (classifier {@code exec}). */
    public Path jar(Path repositoryRoot) {
        return repositoryRoot.resolve(module).resolve("target").resolve(module + "-" + VERSION + "-exec.jar");
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    /** The most instances of one service the local stack runs ({@code ./run.sh --instances N}). */
    public static final int MAX_INSTANCES = 3;

    /** Instance {@code n} (1-based) listens {@code 10 * (n - 1)} above the service's port: 8082, 8092, 8102. */
    public int port(int instance) {
        if (instance < 1 || instance > MAX_INSTANCES) {
            throw new IllegalArgumentException("instance must be 1.." + MAX_INSTANCES + ", got " + instance);
        }
        return port + 10 * (instance - 1);
    }

    public String baseUrl(int instance) {
        return "http://localhost:" + port(instance);
    }

    /** How instance {@code n} is named in logs and output: the module, then {@code #n} from the second on. */
    public String instanceName(int instance) {
        return instance == 1 ? module : module + "#" + instance;
    }

    public static List<String> databases() {
        return ALL.stream().map(ServiceSpec::database).toList();
    }
}
