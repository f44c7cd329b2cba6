package com.brandclosure.platform.security;

import com.brandclosure.platform.web.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Map;
import java.util.Set;

/**
 * Cross-site request forgery guard for HTTP Basic (demo mode): a browser may attach Basic
 * credentials it knows to a request a foreign page makes, and a plain HTML form can POST. So an
 * unsafe request (POST, PUT, PATCH, DELETE) with Basic credentials must carry the header
 * {@value #HEADER} (any value): a form cannot set a header, and a script on another origin cannot
 * without a CORS preflight, which the services do not grant. Bearer tokens are never attached by
 * a browser on its own, so they need no such header.
 */
public class RequestedByFilter extends OncePerRequestFilter {

    public static final String HEADER = "X-Requested-By";
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        boolean basic = authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6);
        String requestedBy = request.getHeader(HEADER);
        if (basic && UNSAFE.contains(request.getMethod()) && (requestedBy == null || requestedBy.isBlank())) {
            ProblemResponses.write(response, HttpStatus.FORBIDDEN, request.getMethod() + " with HTTP Basic credentials "
                    + "needs the header " + HEADER + " (any value, e.g. " + HEADER + ": cli), so that a cross-site "
                    + "form cannot send it", Map.of(HEADER, "is required for unsafe methods with HTTP Basic"));
            return;
        }
        chain.doFilter(request, response);
    }
}
