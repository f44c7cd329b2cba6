package com.brandclosure.closure.ops.console;

import com.brandclosure.closure.ops.console.ServiceCalls.Answer;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * What the console shows across the services: one account's timeline merged from the five audit
 * trails, and per service its dead letters, parked accounts, outbox and timers. Read through
 * {@link ServiceCalls} with the caller's credentials; a service that does not answer is listed as such.
 */
@Component
public class SystemConsole {

    /** Stored events that record that a service fenced the account after AccountDeactivated. */
    static final Set<String> FENCE_TYPES = Set.of("AccountDeactivated", "AccountFenced", "DeactivationRecorded");
    private static final int AUDIT_PAGE = com.brandclosure.platform.web.Paging.MAX_LIMIT;
    private static final int AUDIT_MAX_PAGES = 20;

    private final ServiceCalls calls;

    public SystemConsole(ServiceCalls calls) {
        this.calls = calls;
    }

    /** One entry of the merged trail: which service, when, what, who and why. */
    public record Entry(String service, Instant occurredAt, String type, String actor, String why, String stream,
                        long version, long position, String correlationId, String causationId, String eventId) {
    }

    /** How one service's part of the trail was read. */
    public record Source(String service, boolean available, int status, int entries, String error) {
    }

    /** A service's record of having fenced the account, or {@code at == null}: none in its trail. */
    public record Fence(String service, String type, Instant at) {
    }

    /** A place the console keeps for data no service provides yet. */
    public record NotYetMeasured(String what, String note) {
    }

    public record Timeline(String accountId, List<Entry> entries, List<Source> sources, List<Fence> fences,
                           List<NotYetMeasured> notYetMeasured) {
    }

    public Timeline timeline(String accountId, String authorization) {
        Map<String, Callable<Answer>> reads = new LinkedHashMap<>();
        Map<String, List<JsonNode>> trails = new LinkedHashMap<>();
        calls.services().keySet().forEach(s -> {
            List<JsonNode> trail = new ArrayList<>();
            trails.put(s, trail);
            reads.put(s, () -> readTrail(s, accountId, authorization, trail));
        });
        Map<String, Answer> answers = calls.inParallel(reads);
        List<Entry> entries = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        List<Fence> fences = new ArrayList<>();
        answers.forEach((service, answer) -> {
            List<Entry> mine = trails.get(service).stream().map(n -> entry(service, n)).toList();
            entries.addAll(mine);
            sources.add(new Source(service, answer.answered(), answer.status(), mine.size(),
                    answer.ok() ? null : error(answer)));
            if (answer.ok()) {
                fences.add(mine.stream().filter(e -> FENCE_TYPES.contains(e.type())).findFirst()
                        .map(e -> new Fence(service, e.type(), e.occurredAt()))
                        .orElse(new Fence(service, null, null)));
            }
        });
        List<String> order = List.copyOf(calls.services().keySet());
        entries.sort(Comparator.comparing(Entry::occurredAt)
                .thenComparing(e -> order.indexOf(e.service()))
                .thenComparingLong(Entry::position));
        // Drift is measured now (the reconciler: the closure's drifts, closure_drift_total): nothing waits for a place.
        return new Timeline(accountId, entries, sources, fences, List.of());
    }

    /** Reads one service's trail page by page (following the {@code Link: rel="next"} of each page) into {@code trail}. */
    private Answer readTrail(String service, String accountId, String authorization, List<JsonNode> trail) {
        String path = "/api/v1/accounts/" + encode(accountId) + "/audit?limit=" + AUDIT_PAGE;
        Answer answer = null;
        for (int page = 0; page < AUDIT_MAX_PAGES && path != null; page++) {
            answer = calls.call(service, "GET", path, null, authorization);
            if (!answer.ok()) {
                return answer;
            }
            trail.addAll(ServiceCalls.items(answer.body(), "entries"));
            path = answer.next();
        }
        return answer;
    }

    private static Entry entry(String service, JsonNode n) {
        return new Entry(service, Instant.parse(n.path("occurredAt").asString()), text(n, "type"), text(n, "actor"),
                why(text(n, "payload")), text(n, "stream"), n.path("version").asLong(), n.path("position").asLong(),
                text(n, "correlationId"), text(n, "causationId"), text(n, "eventId"));
    }

    /** The event's payload, shortened: it holds the reason, the amounts, the dates — the why. */
    private static String why(String payload) {
        if (payload == null) {
            return null;
        }
        return payload.length() > 400 ? payload.substring(0, 400) + "…" : payload;
    }

    /** Per service: reachable or not, readiness with the timer lag, dead letters, parked accounts, outbox, timers. */
    public record ServiceState(String service, String url, boolean available, String error, Summary summary,
                               Map<String, Part> parts) {
    }

    /** The numbers at a glance (null: that part did not answer). */
    public record Summary(String readiness, Long timerLagSeconds, Long timersFailing, Long timersParked,
                          Long outboxBacklog, Double outboxOldestAgeSeconds, Long outboxParked,
                          Long deadLettersNotReplayed, Long parkedAccounts) {
    }

    /** One endpoint's answer: its status and body, or why there is none. */
    public record Part(int status, JsonNode body, String error) {
    }

    private static final Map<String, String> PARTS = Map.of(
            "readiness", "/actuator/health/readiness",
            "deadletters", "/actuator/deadletters",
            "parked", "/actuator/parked",
            "outbox", "/actuator/outbox",
            "timers", "/actuator/timers");

    public List<ServiceState> overview(String authorization) {
        Map<String, Callable<Answer>> reads = new LinkedHashMap<>();
        var services = calls.services();
        services.keySet().forEach(s -> PARTS.forEach((part, path) ->
                reads.put(s + " " + part, () -> calls.call(s, "GET", path, null, authorization))));
        Map<String, Answer> answers = calls.inParallel(reads);
        List<ServiceState> states = new ArrayList<>();
        services.forEach((service, url) -> {
            Map<String, Part> parts = new LinkedHashMap<>();
            for (String part : List.of("readiness", "deadletters", "parked", "outbox", "timers")) {
                Answer a = answers.get(service + " " + part);
                // Readiness answers 503 with its body when the instance is DOWN: that is an answer too.
                boolean usable = a.ok() || (part.equals("readiness") && a.status() == 503 && a.body() != null);
                parts.put(part, new Part(a.status(), usable ? a.body() : null, usable ? null : error(a)));
            }
            boolean available = parts.values().stream().anyMatch(p -> p.status() > 0);
            String error = available ? null : parts.get("readiness").error();
            states.add(new ServiceState(service, url.toString(), available, error, summary(parts), parts));
        });
        return states;
    }

    private static Summary summary(Map<String, Part> parts) {
        JsonNode readiness = parts.get("readiness").body();
        JsonNode timersHealth = readiness == null ? null : readiness.path("components").path("timers").path("details");
        JsonNode outbox = parts.get("outbox").body();
        JsonNode dead = parts.get("deadletters").body();
        JsonNode parked = parts.get("parked").body();
        JsonNode timers = parts.get("timers").body();
        return new Summary(readiness == null ? null : text(readiness, "status"),
                number(timersHealth, "lagSeconds"), number(timersHealth, "failing"),
                timers != null ? number(timers, "parkedCount") : number(timersHealth, "parked"),
                number(outbox, "backlog"),
                outbox == null || !outbox.path("oldestUnpublishedAgeSeconds").isNumber() ? null
                        : outbox.path("oldestUnpublishedAgeSeconds").asDouble(),
                number(outbox, "parked"), number(dead, "notReplayed"),
                parked == null ? null : (long) ServiceCalls.items(parked, "accounts").size());
    }

    /** An operator's action on one service's actuator, answered as the service answered it. */
    public Answer act(String service, String method, String path, String body, String authorization) {
        return calls.call(service, method, path, body, authorization);
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String error(Answer a) {
        if (!a.answered()) {
            return a.error();
        }
        String detail = a.body() == null ? null : text(a.body(), "detail");
        return "HTTP " + a.status() + (detail == null ? "" : ": " + detail);
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    private static Long number(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || !v.isNumber() ? null : v.asLong();
    }
}
