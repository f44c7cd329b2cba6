package com.brandclosure.closure.ops.console;

import com.brandclosure.closure.config.ClosureProperties;
import com.brandclosure.platform.json.JsonCodec;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Calls the services' HTTP endpoints for the console with the caller's own credentials, bounded in
 * time, and never throws for a service that is down: the failure becomes an {@link Answer} saying so.
 */
@Component
public class ServiceCalls {

    /** The order services are shown in; others configured come after, by name. */
    static final List<String> ORDER = List.of("closure-orchestrator", "contracts-service", "payouts-service",
            "funding-service", "catalog-service");

    private final ClosureProperties properties;
    private final Environment environment;
    private final JsonCodec json;
    private final HttpClient client;

    public ServiceCalls(ClosureProperties properties, Environment environment, JsonCodec json) {
        this.properties = properties;
        this.environment = environment;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(properties.getConsole().getTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * One service's answer. {@code status} 0: no HTTP answer at all (connection refused, timeout), with
     * {@code error} saying why; otherwise the service's status and JSON body (its problem detail on a refusal).
     * {@code next}: the path and query of the next page when the answer is a page of a longer list (the
     * platform's paging puts it in a {@code Link: <…>; rel="next"} header), else null.
     */
    public record Answer(String service, int status, JsonNode body, String error, String next) {

        public Answer(String service, int status, JsonNode body, String error) {
            this(service, status, body, error, null);
        }

        public boolean answered() {
            return status > 0;
        }

        public boolean ok() {
            return status / 100 == 2;
        }
    }

    /** The services the console knows, in display order, with their base URLs. */
    public Map<String, URI> services() {
        Map<String, URI> configured = new LinkedHashMap<>(properties.getConsole().getServices());
        String self = environment.getProperty("spring.application.name", "closure-orchestrator");
        String port = environment.getProperty("local.server.port", environment.getProperty("server.port", "8080"));
        // The orchestrator reads its own trail and actuator through the same door as the others'.
        configured.putIfAbsent(self, URI.create("http://127.0.0.1:" + port));
        Map<String, URI> ordered = new LinkedHashMap<>();
        ORDER.stream().filter(configured::containsKey).forEach(s -> ordered.put(s, configured.get(s)));
        configured.keySet().stream().sorted().forEach(s -> ordered.putIfAbsent(s, configured.get(s)));
        return ordered;
    }

    public boolean knows(String service) {
        return services().containsKey(service);
    }

    /** {@code method path} on one service; {@code body} is JSON or null. */
    public Answer call(String service, String method, String path, String body, String authorization) {
        URI base = services().get(service);
        if (base == null) {
            return new Answer(service, 0, null, "no service " + service + " is configured (closure.console.services)");
        }
        var request = HttpRequest.newBuilder(URI.create(base.toString().replaceAll("/+$", "") + path))
                .timeout(properties.getConsole().getTimeout())
                .header("Accept", "application/json")
                // The platform refuses unsafe requests with Basic credentials that lack it (CSRF guard).
                .header("X-Requested-By", "closure-console")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(service, response.statusCode(), parse(response.body()), null,
                    nextPage(response.headers().allValues("Link")));
        } catch (IOException e) {
            return new Answer(service, 0, null, "unavailable: " + reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(service, 0, null, "interrupted");
        }
    }

    /** The same GET on every service, in parallel; the answers in display order. */
    public Map<String, Answer> getEverywhere(String path, String authorization) {
        Map<String, Callable<Answer>> calls = new LinkedHashMap<>();
        services().keySet().forEach(s -> calls.put(s, () -> call(s, "GET", path, null, authorization)));
        return inParallel(calls);
    }

    /** Runs the calls on virtual threads (they only wait on sockets), keeping the map's order. */
    public <K> Map<K, Answer> inParallel(Map<K, Callable<Answer>> calls) {
        try (var executor = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<K, Future<Answer>> futures = new LinkedHashMap<>();
            calls.forEach((k, c) -> futures.put(k, executor.submit(c)));
            Map<K, Answer> answers = new LinkedHashMap<>();
            for (var e : futures.entrySet()) {
                try {
                    answers.put(e.getKey(), e.getValue().get());
                } catch (ExecutionException ex) {
                    answers.put(e.getKey(), new Answer(String.valueOf(e.getKey()), 0, null, "unavailable: " + reason(ex.getCause())));
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                    answers.put(e.getKey(), new Answer(String.valueOf(e.getKey()), 0, null, "interrupted"));
                }
            }
            return answers;
        }
    }

    /**
     * The list in a body: the body itself when it is an array, else the first array under one of
     * {@code fields} (e.g. {@code latest}, {@code accounts}); paged or not, the items are the same.
     */
    public static List<JsonNode> items(JsonNode body, String... fields) {
        List<JsonNode> items = new ArrayList<>();
        if (body == null) {
            return items;
        }
        if (body.isArray()) {
            body.forEach(items::add);
            return items;
        }
        for (String f : fields) {
            JsonNode n = body.get(f);
            if (n != null && n.isArray()) {
                n.forEach(items::add);
                return items;
            }
        }
        JsonNode wrapped = body.get("items");
        if (wrapped != null && wrapped.isArray()) {
            wrapped.forEach(items::add);
        }
        return items;
    }

    private static final java.util.regex.Pattern NEXT = java.util.regex.Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    /** The path and query of a {@code rel="next"} link (it names the same service), or null. */
    static String nextPage(List<String> links) {
        for (String header : links) {
            var m = NEXT.matcher(header);
            if (m.find()) {
                URI next = URI.create(m.group(1));
                return next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
            }
        }
        return null;
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return json.parse(text);
        } catch (RuntimeException e) {
            return json.tree(Map.of("detail", text.length() > 300 ? text.substring(0, 300) : text));
        }
    }

    private String reason(Throwable e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer within " + properties.getConsole().getTimeout().toMillis() + " ms";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return e.getMessage() == null ? "the call failed" : e.getMessage();
    }
}
