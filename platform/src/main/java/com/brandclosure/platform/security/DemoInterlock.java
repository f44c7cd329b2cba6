package com.brandclosure.platform.security;

import com.brandclosure.platform.config.PlatformProperties;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Demo security (HTTP Basic with documented identities) is for a developer's own machine. It
 * starts only when the server listens on loopback ({@code server.address} 127.0.0.1, ::1 or
 * localhost — not the default, which is every interface), or when
 * {@code platform.security.demo.allow-remote=true} says deliberately that it may be reached from
 * elsewhere (docker-compose), and then only with a password other than the documented "demo".
 * Otherwise start-up fails with the reason.
 */
public final class DemoInterlock {

    private DemoInterlock() {
    }

    /** Throws {@link IllegalStateException} when demo security must not start with these settings. */
    public static void check(String serverAddress, PlatformProperties.Security security) {
        var demo = security.getDemo();
        if (demo.isAllowRemote()) {
            boolean documentedPassword = security.getDemoUsers().isEmpty()
                    && (demo.getPassword() == null || demo.getPassword().isBlank() || demo.getPassword().equals("demo"));
            boolean anyDocumented = security.effectiveDemoUsers().stream().anyMatch(u -> "demo".equals(u.getPassword()));
            if (documentedPassword || anyDocumented) {
                throw new IllegalStateException("platform.security.demo.allow-remote=true needs a generated "
                        + "platform.security.demo.password (not the documented \"demo\"): anybody who can reach "
                        + "this server could sign in as SERVICE or OPS. docker-compose: run scripts/demo-credentials.sh once.");
            }
            return;
        }
        if (!isLoopback(serverAddress)) {
            throw new IllegalStateException("platform.security.mode=demo accepts the documented demo identities "
                    + "(HTTP Basic, password \"demo\") and must not be reachable from other machines, but the server "
                    + "listens on " + (serverAddress == null || serverAddress.isBlank() ? "every interface" : serverAddress)
                    + ". Bind it to loopback (server.address=127.0.0.1), or set platform.security.demo.allow-remote=true "
                    + "with a generated platform.security.demo.password, or use platform.security.mode=jwt.");
        }
    }

    static boolean isLoopback(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        String a = address.trim();
        if (a.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Literal addresses only: a host name is not resolved (its address could change after start-up).
        if (!a.matches("[0-9.]+") && !a.matches("\\[?[0-9a-fA-F:]+]?")) {
            return false;
        }
        try {
            return InetAddress.getByName(a.replace("[", "").replace("]", "")).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
