package com.brandclosure.platform.logging;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Puts the account id (from a {@code /api/v1/accounts/{id}/...} path) and the correlation id
 * (the request's {@code X-Correlation-Id}, or a new one) into the {@link LogContext} for the whole
 * request, security included. A generated id is also made the request's {@code X-Correlation-Id},
 * so the controllers record it on the events they cause: log lines and events then share it. The
 * response carries it back in {@code X-Correlation-Id}.
 */
public class LogContextFilter extends OncePerRequestFilter {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";
    private static final Pattern ACCOUNT_PATH = Pattern.compile("^/api/v1/accounts/([^/]+)");

    private final Supplier<UUID> ids;

    public LogContextFilter(Supplier<UUID> ids) {
        this.ids = ids;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String correlationId = request.getHeader(CORRELATION_HEADER);
        HttpServletRequest forward = request;
        if (correlationId == null || correlationId.isBlank()) {
            correlationId = ids.get().toString();
            forward = withHeader(request, CORRELATION_HEADER, correlationId);
        }
        response.setHeader(CORRELATION_HEADER, correlationId);
        try (var log = LogContext.of(accountId(request), correlationId)) {
            chain.doFilter(forward, response);
        }
    }

    static String accountId(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        Matcher m = ACCOUNT_PATH.matcher(path);
        return m.find() ? m.group(1) : null;
    }

    private static HttpServletRequest withHeader(HttpServletRequest request, String name, String value) {
        return new HttpServletRequestWrapper(request) {
            @Override
            public String getHeader(String header) {
                return name.equalsIgnoreCase(header) ? value : super.getHeader(header);
            }

            @Override
            public Enumeration<String> getHeaders(String header) {
                return name.equalsIgnoreCase(header) ? Collections.enumeration(List.of(value)) : super.getHeaders(header);
            }

            @Override
            public Enumeration<String> getHeaderNames() {
                List<String> names = new ArrayList<>(Collections.list(super.getHeaderNames()));
                names.add(name);
                return Collections.enumeration(names);
            }
        };
    }
}
