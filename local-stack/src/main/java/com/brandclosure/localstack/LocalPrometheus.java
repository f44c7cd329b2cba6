package com.brandclosure.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A real Prometheus ({@code ./run.sh --monitoring}): the binary of Debian's {@code prometheus} package
 * ({@value #DEFAULT_BINARY}, or {@code LOCAL_STACK_PROMETHEUS}), scraping each service's
 * {@code /actuator/prometheus} with an OPS identity and evaluating the alert rules of
 * {@code deploy/prometheus/rules/} — the same rule files docker-compose mounts, so what fires locally
 * fires there. Its configuration is generated at every start into its folder (targets on loopback,
 * the scrape secret in a file of its own, owner-only), its data kept there too; it listens on loopback
 * only. Stopped (SIGTERM) with the stack.
 */
public final class LocalPrometheus implements AutoCloseable {

    public static final String DEFAULT_BINARY = "/usr/bin/prometheus";
    public static final int PORT = 9090;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** How Prometheus signs in to the services' actuator: the demo {@code ops} user, or a bearer token. */
    public sealed interface Scrape {
        /** HTTP Basic (the local stack's demo identities). */
        record Basic(String user, String password) implements Scrape {
        }

        /** A bearer token (JWT security). */
        record Bearer(String token) implements Scrape {
        }
    }

    /**
     * @param directory  its configuration, secret, data and log
     * @param targets    service name → the ports of its instances on 127.0.0.1
     * @param rules      the folder of alert rule files ({@code *.yml})
     */
    public record Settings(Path binary, Path directory, int port, Map<String, List<Integer>> targets, Scrape scrape,
                           Path rules, Duration startTimeout) {
    }

    private final Settings settings;
    private final Process process;

    private LocalPrometheus(Settings settings, Process process) {
        this.settings = settings;
        this.process = process;
    }

    /** {@code -Dlocalstack.prometheus}, else {@code LOCAL_STACK_PROMETHEUS}, else {@value #DEFAULT_BINARY}. */
    public static Path binary() {
        String env = System.getenv("LOCAL_STACK_PROMETHEUS");
        return Path.of(System.getProperty("localstack.prometheus", env == null || env.isBlank() ? DEFAULT_BINARY : env));
    }

    public static boolean installed(Path binary) {
        return Files.isExecutable(binary);
    }

    /** Writes its configuration, starts it and waits until it answers {@code /-/ready}. */
    public static LocalPrometheus start(Settings settings) throws IOException {
        Path dir = settings.directory();
        Files.createDirectories(dir.resolve("data"));
        Path secret = dir.resolve("scrape-secret");
        Files.deleteIfExists(secret);
        Files.createFile(secret, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(secret, settings.scrape() instanceof Scrape.Basic b ? b.password()
                : ((Scrape.Bearer) settings.scrape()).token(), StandardCharsets.UTF_8);
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, config(settings, secret), StandardCharsets.UTF_8);
        Path log = dir.resolve("prometheus.log");
        var command = List.of(settings.binary().toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + dir.resolve("data"),
                "--storage.tsdb.retention.time=7d",
                "--web.listen-address=127.0.0.1:" + settings.port());
        var prometheus = new LocalPrometheus(settings, ChildProcesses.start(command, dir, log));
        try {
            Waits.until("Prometheus to be ready on " + prometheus.url(), settings.startTimeout(), prometheus::ready,
                    () -> ChildProcesses.exitReason(prometheus.process, log));
        } catch (RuntimeException e) {
            prometheus.close();
            throw e;
        }
        return prometheus;
    }

    /** The generated configuration: one job per service (label {@code service}, as in compose), the rule files. */
    static String config(Settings settings, Path secret) {
        var b = new StringBuilder();
        b.append("# Written by the local stack at every start (./run.sh --monitoring); do not edit.\n");
        b.append("# docker-compose's is deploy/prometheus/prometheus.yml: same jobs, labels and rule files.\n");
        b.append("global:\n  scrape_interval: 5s\n  evaluation_interval: 5s\n");
        b.append("rule_files:\n  - ").append(quoted(settings.rules().toAbsolutePath().resolve("*.yml").toString())).append('\n');
        b.append("scrape_configs:\n");
        settings.targets().forEach((service, ports) -> {
            b.append("  - job_name: ").append(service).append('\n');
            b.append("    metrics_path: /actuator/prometheus\n");
            if (settings.scrape() instanceof Scrape.Basic basic) {
                b.append("    basic_auth:\n      username: ").append(quoted(basic.user())).append('\n')
                        .append("      password_file: ").append(quoted(secret.toString())).append('\n');
            } else {
                b.append("    authorization:\n      type: Bearer\n      credentials_file: ")
                        .append(quoted(secret.toString())).append('\n');
            }
            b.append("    static_configs:\n      - targets: [").append(String.join(", ", ports.stream()
                            .map(port -> "\"127.0.0.1:" + port + "\"").toList())).append("]\n")
                    .append("        labels:\n          service: ").append(service).append('\n');
        });
        b.append("  - job_name: prometheus\n    static_configs:\n      - targets: [\"127.0.0.1:")
                .append(settings.port()).append("\"]\n");
        return b.toString();
    }

    private static String quoted(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + settings.port());
    }

    public Path log() {
        return settings.directory().resolve("prometheus.log");
    }

    boolean ready() {
        try {
            var response = HTTP.send(HttpRequest.newBuilder(url().resolve("/-/ready")).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void close() {
        ChildProcesses.askToStop(process);
        ChildProcesses.awaitStopped(process, Duration.ofSeconds(30));
    }
}
