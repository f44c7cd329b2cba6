package com.brandclosure.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Refuses (400) the request headers the services copy into what they store:
 * {@code X-Correlation-Id} goes into every event and outbox row, {@code Idempotency-Key} into
 * the idempotency table. Each must be at most {@link #MAX_LENGTH} characters of letters, digits
 * and {@code - _ . :} (a UUID fits), and given once. A NUL character in the query string is refused
 * too: the services pass query parameters to PostgreSQL, which cannot store or compare it.
 */
public class RequestHeaderLimitsFilter extends OncePerRequestFilter {

    public static final int MAX_LENGTH = 128;
    static final List<String> BOUNDED = List.of("X-Correlation-Id", "Idempotency-Key");
    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query != null && (query.contains("%00") || query.indexOf('\u0000') >= 0)) {
            // A NUL reaches the database as a query parameter value and PostgreSQL refuses it (a 500 otherwise).
            ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "query parameters must not contain the NUL character");
            return;
        }
        for (String name : BOUNDED) {
            List<String> values = Collections.list(request.getHeaders(name));
            String reason = null;
            if (values.size() > 1) {
                reason = "must be sent once";
            } else if (values.size() == 1 && !TOKEN.matcher(values.getFirst()).matches()) {
                reason = "must be 1 to " + MAX_LENGTH + " letters, digits or - _ . :";
            }
            if (reason != null) {
                ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "header " + name + " " + reason,
                        Map.of(name, reason));
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
