package com.brandclosure.systemtests;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP with JSON bodies and a bearer token: the way any client outside the services calls them. */
final class Http {

    static final JsonMapper JSON = JsonMapper.builder().build();

    private final HttpClient client = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            // Tracking links answer 302: the test looks at the redirect itself.
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    record Response(String method, String url, int status, String body, HttpResponse<String> raw) {

        JsonNode json() {
            return body == null || body.isBlank() ? JSON.missingNode() : JSON.readTree(body);
        }

        /** The JSON body of a 2xx answer; anything else fails with the whole exchange in the message. */
        JsonNode ok() {
            if (status / 100 != 2) {
                throw new AssertionError(this + " was expected to succeed");
            }
            return json();
        }

        @Override
        public String toString() {
            return method + " " + url + " -> " + status + " " + body;
        }
    }

    /** The Authorization header of a demo identity (HTTP Basic). */
    static String basic(String user, String password) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    Response get(String url, String authorization) {
        return send("GET", url, authorization, null);
    }

    Response post(String url, String authorization, Object body) {
        return send("POST", url, authorization, body);
    }

    Response put(String url, String authorization, Object body) {
        return send("PUT", url, authorization, body);
    }

    Response delete(String url, String authorization) {
        return send("DELETE", url, authorization, null);
    }

    /** A POST with extra request headers (e.g. a W3C {@code traceparent} the service continues). */
    Response post(String url, String authorization, Object body, java.util.Map<String, String> headers) {
        return send("POST", url, authorization, body, headers);
    }

    Response send(String method, String url, String authorization, Object body) {
        return send(method, url, authorization, body, java.util.Map.of());
    }

    Response send(String method, String url, String authorization, Object body, java.util.Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        headers.forEach(builder::header);
        if (authorization != null) {
            builder.header("Authorization", authorization);
            // Demo (Basic) mode refuses unsafe methods without it (the platform's CSRF guard); JWT ignores it.
            builder.header("X-Requested-By", "system-tests");
        }
        if (body != null) {
            builder.header("Content-Type", "application/json");
            builder.method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        } else if (method.equals("POST") || method.equals("PUT")) {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            HttpResponse<String> r = client.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(method, url, r.statusCode(), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted: " + method + " " + url, e);
        }
    }
}
