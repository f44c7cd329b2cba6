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
    /** An OPS caller in the services' current security mode (JWT or demo Basic). */
    private final java.util.function.Supplier<String> opsAuthorization;
    private Duration total = Duration.ZERO;

    Clocks(Http http, Map<String, ServiceNode> services, java.util.function.Supplier<String> opsAuthorization) {
        this.http = http;
        this.opsAuthorization = opsAuthorization;
        this.services = services;
    }

    /** Moves every service's clock forward; durable timers due by the new time fire at their next poll. */
    synchronized void advance(Duration by) {
        for (ServiceNode node : services.values()) {
            http.post(node.baseUrl() + "/local/clock/advance", opsAuthorization.get(), Map.of("by", by.toString())).ok();
        }
        total = total.plus(by);
    }

    /** What time it is for the services (their clocks differ only by the moments between the calls above). */
    Instant now(String module) {
        return Instant.parse(http.get(services.get(module).baseUrl() + "/local/clock", opsAuthorization.get()).ok()
                .get("now").asString());
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
        var view = http.get(services.get(module).baseUrl() + "/local/clock", opsAuthorization.get()).ok();
        var offset = view.get("offset");
        // ISO-8601 ("PT720H") or seconds, whichever way the service's JSON writes a Duration.
        Duration current = offset.isNumber() ? Duration.ofNanos(offset.decimalValue().movePointRight(9).longValue())
                : Duration.parse(offset.asString());
        Duration behind = total.minus(current);
        if (behind.isPositive()) {
            http.post(services.get(module).baseUrl() + "/local/clock/advance", opsAuthorization.get(), Map.of("by", behind.toString())).ok();
        }
    }
}
