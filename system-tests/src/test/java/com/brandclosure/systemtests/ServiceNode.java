package com.brandclosure.systemtests;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One service running as {@code java -jar <module>-exec.jar}, a separate OS process like in production.
 * <p>
 * The few lines of process handling come from local-stack's {@code ChildProcesses}/{@code ServiceProcess},
 * copied rather than reused: those classes are package-private and bound to the local stack's own
 * PostgreSQL/Kafka classes and its demo security, while these tests run JWT security against the test
 * kit's infrastructure.
 */
final class ServiceNode {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** Small, fast-starting JVMs: five of them share two cores with Kafka, PostgreSQL and the tests. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms64m", "-Xmx320m", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-Xss512k");

    final String module;
    /** 1 for the service's first instance, 2 for a second one started beside it. */
    final int instance;
    final int port;
    private final List<String> arguments;
    /** The security mode's arguments (JWT key or demo identities), replaced when the system switches mode. */
    private volatile List<String> securityArguments = List.of();
    /** Secrets (the service's Kafka password) go in the environment, not on a command line anyone can list. */
    private final java.util.Map<String, String> environment;
    private final Path jar;
    private final Path log;
    private volatile Process process;
    /** Set once the instance answered healthy after its last start; cleared by start, kill and stop. */
    private volatile boolean ready;

    ServiceNode(String module, int port, List<String> arguments, java.util.Map<String, String> environment,
                Path repositoryRoot, Path logDirectory) {
        this(module, 1, port, arguments, environment,
                repositoryRoot.resolve(module).resolve("target").resolve(module + "-0.1.0-SNAPSHOT-exec.jar"),
                logDirectory.resolve(module + ".log"));
    }

    private ServiceNode(String module, int instance, int port, List<String> arguments,
                        java.util.Map<String, String> environment, Path jar, Path log) {
        this.module = module;
        this.instance = instance;
        this.port = port;
        this.arguments = List.copyOf(arguments);
        this.environment = java.util.Map.copyOf(environment);
        this.jar = jar;
        this.log = log;
    }

    /**
     * Another instance of this service: the same arguments (database, broker, consumer groups), secrets and
     * security mode, on {@code port}, logging to {@code <module>-<instance>.log}. Not started.
     */
    ServiceNode anotherInstance(int number, int port) {
        var args = arguments.stream().map(a -> a.startsWith("--server.port=") ? "--server.port=" + port : a).toList();
        var node = new ServiceNode(module, number, port, args, environment, jar,
                log.resolveSibling(module + "-" + number + ".log"));
        node.security(securityArguments);
        return node;
    }

    void security(List<String> arguments) {
        this.securityArguments = List.copyOf(arguments);
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    synchronized void start() throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " does not exist: build the service modules first "
                    + "(./mvnw -pl system-tests -am verify builds them)");
        }
        var command = new ArrayList<String>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        command.addAll(securityArguments);
        Files.createDirectories(log.getParent());
        Files.writeString(log, System.lineSeparator() + "=== system-tests: " + String.join(" ", command)
                        + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        ready = false;
        var builder = new ProcessBuilder(command);
        builder.environment().putAll(environment);
        process = builder
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
    }

    boolean alive() {
        Process p = process;
        return p != null && p.isAlive();
    }

    /** Alive and healthy since its last start: an instance still starting takes no requests. */
    boolean ready() {
        return ready && alive();
    }

    /** Called once the instance answered healthy after a start. */
    void markReady() {
        ready = alive();
    }

    /** Liveness of the whole application: actuator health answers UP (public, no token). */
    boolean healthy() {
        try {
            var request = HttpRequest.newBuilder(URI.create(baseUrl() + "/actuator/health"))
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

    /**
     * The crash the kill test needs: SIGKILL, no shutdown hook, no graceful drain of listeners, outbox
     * or timers. Waits until the process is gone so the port is free for the restart.
     */
    void kill() throws InterruptedException {
        ready = false;
        Process p = process;
        p.destroyForcibly();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(module + " (pid " + p.pid() + ") did not die after SIGKILL");
        }
    }

    /** SIGTERM (Spring's graceful shutdown), then SIGKILL if it takes too long. Only this node's own PID. */
    void stop(Duration grace) {
        ready = false;
        Process p = process;
        if (p == null || !p.isAlive()) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    /** The lines of the service's log (all its runs) that contain {@code text}, e.g. a trace id. */
    List<String> logLinesWith(String text) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new IllegalStateException("cannot read " + log, e);
        }
    }

    /** The end of the service's log, for failure messages: the cause is usually there. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(cannot read " + log + ": " + e + ")";
        }
    }

    String exitReason() {
        Process p = process;
        if (p == null || p.isAlive()) {
            return null;
        }
        return module + " exited with code " + p.exitValue() + "; last lines of " + log + ":"
                + System.lineSeparator() + tail(60);
    }

    @Override
    public String toString() {
        return (instance == 1 ? module : module + "#" + instance) + "@" + port;
    }
}
