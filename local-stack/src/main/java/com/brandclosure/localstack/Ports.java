package com.brandclosure.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/** Port checks done before anything starts, so a clash fails in a second with the port's name, not after a minute of start-up. */
public final class Ports {

    private Ports() {
    }

    /**
     * Fails if any of the ports is taken.
     *
     * @param ports what each port is for, e.g. {@code "Kafka" -> 9092}, in the order to report them
     */
    public static void requireFree(Map<String, Integer> ports) {
        var taken = new LinkedHashMap<String, Integer>();
        ports.forEach((what, port) -> {
            if (!isFree(port)) {
                taken.put(what, port);
            }
        });
        if (!taken.isEmpty()) {
            var message = new StringBuilder("Cannot start the local stack: ");
            taken.forEach((what, port) -> message.append("port ").append(port).append(" (").append(what).append(") is already in use; "));
            message.append("stop whatever listens there (a previous ./run.sh still running? `ss -ltnp | grep <port>` shows the process).");
            throw new PortInUseException(message.toString(), taken);
        }
    }

    /**
     * Whether nothing listens on the port. Binds the wildcard address, which clashes with a listener on
     * any local address (localhost or 0.0.0.0). SO_REUSEADDR keeps sockets left in TIME_WAIT by the
     * previous run from counting as taken: the servers we start bind with it too.
     */
    public static boolean isFree(int port) {
        try (var socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A port that was free a moment ago: for tests, which must not clash with a running local stack. */
    public static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }

    /** Thrown when a port the local stack needs is taken; names every taken port. */
    public static final class PortInUseException extends IllegalStateException {
        private final Map<String, Integer> taken;

        PortInUseException(String message, Map<String, Integer> taken) {
            super(message);
            this.taken = Map.copyOf(taken);
        }

        public Map<String, Integer> taken() {
            return taken;
        }
    }
}
