package com.brandclosure.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** One service running as {@code java -jar <module>-exec.jar} with the local stack's settings on its command line. */
final class ServiceProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * The platform's default demo identities (PlatformProperties.Security.DemoUser.defaults, password
     * {@value #DEMO_PASSWORD}), printed for the user; a test keeps this list equal to the platform's.
     */
    static final java.util.Map<String, String> DEMO_IDENTITIES = new java.util.LinkedHashMap<>();
    static final String DEMO_PASSWORD = "demo";

    static {
        DEMO_IDENTITIES.put("acme-admin", "BRAND_ADMIN of account acme");
        DEMO_IDENTITIES.put("globex-admin", "BRAND_ADMIN of account globex");
        DEMO_IDENTITIES.put("support-alice", "SUPPORT");
        DEMO_IDENTITIES.put("support-bob", "SUPPORT");
        DEMO_IDENTITIES.put("ops", "OPS: actuator endpoints, /local/clock");
        DEMO_IDENTITIES.put("service", "SERVICE");
    }

    private final ServiceSpec spec;
    private final int instance;
    private final Process process;
    private final Path log;

    private ServiceProcess(ServiceSpec spec, int instance, Process process, Path log) {
        this.spec = spec;
        this.instance = instance;
        this.process = process;
        this.log = log;
    }

    /**
     * @param jvmOptions options before {@code -jar} (heap, GC)
     */
    static ServiceProcess start(ServiceSpec spec, int instance, Path repositoryRoot, Path log, LocalPostgres postgres,
                                KafkaBroker kafka, List<String> jvmOptions, String masterKey) throws IOException {
        var command = new ArrayList<String>();
        command.add(ChildProcesses.java());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(spec.jar(repositoryRoot).toString());
        command.addAll(arguments(spec, instance, postgres.jdbcUrl(spec.database()), kafka.bootstrapServers()));
        var environment = new java.util.HashMap<>(environment(spec, kafka.credentials()));
        // The master key wrapping the accounts' data keys (platform.crypto), from the environment like a secret.
        environment.put("PLATFORM_CRYPTO_MASTER_KEY", masterKey);
        return new ServiceProcess(spec, instance, ChildProcesses.start(command, environment, repositoryRoot, log), log);
    }

    /**
     * The local stack's master key ({@code master-key} in the state folder, owner-only), generated at the
     * first start and kept with the data: the stored personal data is unreadable under another key.
     */
    static String masterKey(Path stateDirectory) throws IOException {
        Path file = stateDirectory.resolve("master-key");
        if (java.nio.file.Files.exists(file)) {
            return java.nio.file.Files.readString(file).trim();
        }
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        String encoded = java.util.Base64.getEncoder().encodeToString(key);
        java.nio.file.Files.createDirectories(stateDirectory);
        java.nio.file.Files.writeString(file, encoded + "\n");
        try {
            java.nio.file.Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's own protection applies
        }
        return encoded;
    }

    /**
     * The service's Kafka password, read by its application.yml ({@code KAFKA_PASSWORD}); its user name is its
     * {@code spring.application.name}, the module name. In the environment, not on the command line.
     */
    static java.util.Map<String, String> environment(ServiceSpec spec, com.brandclosure.kafkaaccess.KafkaCredentials kafka) {
        return java.util.Map.of("KAFKA_PASSWORD", kafka.password(spec.module()));
    }

    /**
     * Command-line properties (they win over application.yml). The services' own defaults already
     * match the local stack; passing them anyway makes the log's first line say exactly what ran, and
     * keeps the stack right if a default changes. The adjustable clock ({@code /local/clock}) is on
     * here and nowhere else; the {@code local} profile is active for any local-only settings a service adds.
     * <p>
     * Security runs in the platform's {@code demo} mode: HTTP Basic with the documented demo identities
     * ({@link #DEMO_IDENTITIES}) instead of JWTs from an identity provider the local stack does not have.
     * <p>
     * Flyway runs out of order because the local data outlives code changes: platform migrations are
     * numbered V1..V99 and a service's V100+, so a platform migration added after a service's first
     * start sorts below versions already applied, and plain validation would refuse to start
     * ("resolved migration not applied to database").
     * <p>
     * Every instance of a service gets the same settings but its port ({@link ServiceSpec#port(int)}): they share
     * the service's database and consumer groups (README "Several instances").
     */
    static List<String> arguments(ServiceSpec spec, int instance, String jdbcUrl, String kafkaBootstrapServers) {
        var args = new ArrayList<>(List.of(
                "--spring.profiles.active=local",
                "--server.port=" + spec.port(instance),
                // Demo security starts only on loopback (the platform's demo interlock).
                "--server.address=127.0.0.1",
                "--spring.datasource.url=" + jdbcUrl + "?reWriteBatchedInserts=true",
                "--spring.datasource.username=" + LocalPostgres.USER,
                "--spring.datasource.password=" + LocalPostgres.PASSWORD,
                "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                "--platform.clock.adjustable=true",
                "--platform.security.mode=demo",
                "--spring.flyway.out-of-order=true"));
        if (spec.module().equals("closure-orchestrator")) {
            // The ops console aggregates the five services over HTTP (README "Ops console"), from their first instances.
            ServiceSpec.ALL.forEach(s -> args.add("--closure.console.services." + s.module() + "=http://127.0.0.1:" + s.port()));
        }
        return List.copyOf(args);
    }

    ServiceSpec spec() {
        return spec;
    }

    int instance() {
        return instance;
    }

    String name() {
        return spec.instanceName(instance);
    }

    String baseUrl() {
        return spec.baseUrl(instance);
    }

    Process process() {
        return process;
    }

    Path log() {
        return log;
    }

    /** The readiness probe answers UP (HTTP 200); Spring answers 503 while the service is not ready. */
    boolean ready() {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health/readiness"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            var response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    String exitReason() {
        return ChildProcesses.exitReason(process, log);
    }
}
