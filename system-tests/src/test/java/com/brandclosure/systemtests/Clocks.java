package com.brandclosure.systemtests;


import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The five services' adjustable clocks ({@code /local/clock}), moved together. Each service keeps its
 * own offset in memory, so this remembers the total: a service started again after a kill begins at
 * real time and is advanced back to the others' offset.
 */
final class Clocks {

    private final Http http;
    private final Map<String, ServiceNode> services;
    /** Second instances while a test runs them: each has its own clock too. */
    private final Map<String, ServiceNode> seconds;
    /** An OPS caller in the services' current security mode (JWT or demo Basic). */
    private final java.util.function.Supplier<String> opsAuthorization;
    private Duration total = Duration.ZERO;

    Clocks(Http http, Map<String, ServiceNode> services, Map<String, ServiceNode> seconds,
           java.util.function.Supplier<String> opsAuthorization) {
        this.http = http;
        this.opsAuthorization = opsAuthorization;
        this.services = services;
        this.seconds = seconds;
    }

    /**
     * Moves every running service instance's clock forward; durable timers due by the new time fire at their
     * next poll. An instance that is down or still starting is left alone: it catches up once it is healthy.
     */
    synchronized void advance(Duration by) {
        var nodes = new java.util.ArrayList<>(services.values());
        nodes.addAll(seconds.values());
        for (ServiceNode node : nodes) {
            if (node.ready()) {
                http.post(node.baseUrl() + "/local/clock/advance", opsAuthorization.get(), Map.of("by", by.toString())).ok();
            }
        }
        total = total.plus(by);
    }

    /** What time it is for the services (their clocks differ only by the moments between the calls above). */
    Instant now(String module) {
        return Instant.parse(http.get(running(module).baseUrl() + "/local/clock", opsAuthorization.get()).ok()
                .get("now").asString());
    }

    /** The first instance, or a running second one while the first is down. */
    private ServiceNode running(String module) {
        ServiceNode first = services.get(module);
        ServiceNode second = seconds.get(module);
        return !first.ready() && second != null && second.ready() ? second : first;
    }

    /**
     * Takes the offset {@code module}'s clock has now as the total: after something other than this class
     * (a script of curl calls, say) moved every service's clock, a restart catches up to where they are.
     */
    synchronized void adopt(String module) {
        total = offsetOf(module);
    }

    private Duration offsetOf(String module) {
        var offset = http.get(services.get(module).baseUrl() + "/local/clock", opsAuthorization.get()).ok().get("offset");
        return offset.isNumber() ? Duration.ofNanos(offset.decimalValue().movePointRight(9).longValue())
                : Duration.parse(offset.asString());
    }

    synchronized void catchUp(String module) {
        catchUp(services.get(module));
    }

    /** Advances {@code node}'s clock to the total the others have (a node just started is at real time). */
    synchronized void catchUp(ServiceNode node) {
        var view = http.get(node.baseUrl() + "/local/clock", opsAuthorization.get()).ok();
        var offset = view.get("offset");
        // ISO-8601 ("PT720H") or seconds, whichever way the service's JSON writes a Duration.
        Duration current = offset.isNumber() ? Duration.ofNanos(offset.decimalValue().movePointRight(9).longValue())
                : Duration.parse(offset.asString());
        Duration behind = total.minus(current);
        if (behind.isPositive()) {
            http.post(node.baseUrl() + "/local/clock/advance", opsAuthorization.get(), Map.of("by", behind.toString())).ok();
        }
    }
}
