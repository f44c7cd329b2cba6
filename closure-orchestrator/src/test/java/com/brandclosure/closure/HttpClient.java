package com.brandclosure.closure;

import com.brandclosure.platform.json.JsonCodec;
import org.springframework.http.MediaType;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The orchestrator's API from outside, with a caller's credentials: status and JSON body of each answer, whatever the status. */
record HttpClient(RestClient rest, JsonCodec json) {

    static HttpClient at(int port, JsonCodec json) {
        return new HttpClient(RestClient.create("http://localhost:" + port), json);
    }

    /** {@code next}: the path and query of the {@code Link: <…>; rel="next"} header, null without one. */
    record Answer(int status, JsonNode body, String next) {
        String text(String field) {
            JsonNode n = body.get(field);
            return n == null || n.isNull() ? null : n.asString();
        }
    }

    /** {@code authorization}: the Authorization header (e.g. {@code TestTokens.support("sam")}), null for none. */
    Answer get(String path, String authorization) {
        var spec = rest.get().uri(path);
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        return spec.exchange((req, res) -> answer(res.getStatusCode().value(), res.getBody(),
                res.getHeaders().getFirst("Link")));
    }

    Answer post(String path, String authorization, String jsonBody) {
        var spec = rest.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(jsonBody);
        if (authorization != null) {
            spec = spec.header("Authorization", authorization);
        }
        return spec.exchange((req, res) -> answer(res.getStatusCode().value(), res.getBody(),
                res.getHeaders().getFirst("Link")));
    }

    private Answer answer(int status, java.io.InputStream body, String link) {
        String next = com.brandclosure.testkit.PageLinks.next(link);
        try {
            String text = new String(body.readAllBytes(), StandardCharsets.UTF_8);
            return new Answer(status, text.isBlank() ? json.parse("{}") : json.parse(text), next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
