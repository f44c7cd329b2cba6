package com.brandclosure.localstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting and stopping the Java child processes (the Kafka broker and the services). */
final class ChildProcesses {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private ChildProcesses() {
    }

    /** The java executable of this JVM: the children run on the same JDK run.sh selected. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Starts a command with its output appended to {@code log}.
     * <p>
     * Where {@code setsid} exists the child gets its own session. Ctrl-C in a terminal signals the whole
     * foreground process group at once; without this, Kafka would stop at the same moment as the
     * services that are still flushing to it. The launcher then stops the children itself, in order.
     * ({@code setsid} is exec'ed in place because a child of the JVM is not a group leader, so the PID
     * we hold stays the java process's PID.) The PostgreSQL server needs nothing: pg_ctl already detaches it.
     */
    static Process start(List<String> command, Path workingDirectory, Path log) throws IOException {
        return start(command, java.util.Map.of(), workingDirectory, log);
    }

    /** The same with extra environment variables (secrets go there, not on the command line anyone can list). */
    static Process start(List<String> command, java.util.Map<String, String> environment, Path workingDirectory, Path log)
            throws IOException {
        Files.createDirectories(log.getParent());
        var full = new ArrayList<String>();
        if (Files.isExecutable(SETSID)) {
            full.add(SETSID.toString());
        }
        full.addAll(command);
        Files.writeString(log, System.lineSeparator() + "=== local-stack: " + printable(command) + System.lineSeparator(),
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        var builder = new ProcessBuilder(full);
        builder.environment().putAll(environment);
        return builder
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
    }

    /** The command as the log shows it: a classpath of sixty jars would bury everything else. */
    static String printable(List<String> command) {
        var shown = new ArrayList<String>();
        for (int i = 0; i < command.size(); i++) {
            shown.add(command.get(i));
            if (command.get(i).equals("-cp") && i + 1 < command.size()) {
                shown.add("<" + command.get(++i).split(java.io.File.pathSeparator).length + " classpath entries>");
            }
        }
        return String.join(" ", shown);
    }

    /** SIGTERM (the JVM's shutdown hooks run: Spring's graceful shutdown, Kafka's controlled shutdown). */
    static void askToStop(Process process) {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** Waits for a process asked to stop; kills it if it does not stop within the grace period. */
    static boolean awaitStopped(Process process, Duration grace) {
        if (process == null) {
            return true;
        }
        try {
            if (process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** The last lines of a log, printed when a child fails so the cause is on screen. */
    static String tail(Path log, int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | java.io.UncheckedIOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    static String exitReason(Process process, Path log) {
        if (process.isAlive()) {
            return null;
        }
        return "the process exited with code " + process.exitValue() + "; last lines of " + log + ":"
                + System.lineSeparator() + tail(log, 40);
    }
}
