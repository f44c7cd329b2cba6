package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureStatus;
import com.brandclosure.closure.ops.ClosureMetrics;
import com.brandclosure.platform.security.PublicEndpoint;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code GET /console}: the ops console for SUPPORT and OPS, one HTML page with its script and
 * styles inline (no front-end build). The page holds no data: its script calls the protected
 * JSON API with the user's credentials (a pasted bearer token, or a demo user's HTTP Basic
 * credentials on the local stack), so the page itself may be public.
 */
@RestController
public class ConsoleController {

    private final String page;

    public ConsoleController() {
        try {
            String html = new ClassPathResource("console/console.html").getContentAsString(StandardCharsets.UTF_8);
            // The filter values are the API's own: the page cannot drift from them.
            this.page = html.replace("\"__STATES__\"", jsonArray(ClosureMetrics.STATES))
                    .replace("\"__WAITING_ON__\"", jsonArray(ClosureStatus.waitingOnValues()));
        } catch (IOException e) {
            throw new UncheckedIOException("the console page is missing from the jar", e);
        }
    }

    private static String jsonArray(List<String> values) {
        // Enum-like names (letters, digits, '_'): no escaping needed.
        return values.stream().map(v -> "\"" + v + "\"").collect(Collectors.joining(",", "[", "]"));
    }

    @GetMapping(value = "/console", produces = MediaType.TEXT_HTML_VALUE)
    @PublicEndpoint("static console shell, no data: everything it shows comes from the protected API with the user's credentials")
    public ResponseEntity<String> console() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .header("Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; "
                        + "style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; form-action 'none'; "
                        + "frame-ancestors 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "no-referrer")
                .contentType(MediaType.TEXT_HTML)
                .body(page);
    }
}
