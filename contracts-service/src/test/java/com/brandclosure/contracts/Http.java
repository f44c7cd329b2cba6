package com.brandclosure.contracts;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import java.net.http.HttpClient;
import java.util.Map;

/**
 * A thin HTTP client for tests: never throws on 4xx/5xx, never follows redirects (the 302 is what
 * we test). Sends its {@code Authorization} header (a {@code TestTokens} value) with every request,
 * or none for an anonymous client.
 */
public final class Http {

    private final int port;
    private final String authorization;
    private final RestClient client;

    /** An anonymous client. */
    public Http(int port) {
        this(port, null);
    }

    public Http(int port, String authorization) {
        this.port = port;
        this.authorization = authorization;
        client = RestClient.builder().baseUrl("http://localhost:" + port)
                .requestFactory(new JdkClientHttpRequestFactory(
                        HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()))
                .defaultHeaders(h -> {
                    if (authorization != null) {
                        h.set("Authorization", authorization);
                    }
                })
                .build();
    }

    /** The same server, as another caller ({@code null}: anonymous). */
    public Http as(String authorization) {
        return new Http(port, authorization);
    }

    public ResponseEntity<String> get(String path) {
        return client.get().uri(path).retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    }

    public ResponseEntity<String> delete(String path) {
        return send(HttpMethod.DELETE, path, null, Map.of());
    }

    /** Any method; {@code json} may be null (no body). */
    public ResponseEntity<String> send(String method, String path, String json) {
        return send(HttpMethod.valueOf(method), path, json, Map.of());
    }

    public ResponseEntity<String> post(String path, String json) {
        return send(HttpMethod.POST, path, json, Map.of());
    }

    public ResponseEntity<String> post(String path, String json, Map<String, String> headers) {
        return send(HttpMethod.POST, path, json, headers);
    }

    public ResponseEntity<String> put(String path, String json) {
        return send(HttpMethod.PUT, path, json, Map.of());
    }

    private ResponseEntity<String> send(HttpMethod method, String path, String json, Map<String, String> headers) {
        var spec = client.method(method).uri(path).headers(h -> headers.forEach(h::add));
        if (json != null) {
            spec = spec.contentType(MediaType.APPLICATION_JSON).body(json);
        }
        return spec.retrieve().onStatus(s -> true, (req, res) -> { }).toEntity(String.class);
    }
}
