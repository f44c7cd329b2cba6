package com.brandclosure.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

import java.util.Arrays;

/**
 * Enforces {@link Allow}: the caller needs one of the listed roles (403 otherwise). Handlers
 * without {@code @Allow} or {@link PublicEndpoint} are refused to everybody: deny by default.
 */
public class AllowInterceptor implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)) {
            return true;
        }
        if (isPublic(method) || method.getBeanType().getName().startsWith("org.springframework.")
                || com.brandclosure.platform.apidocs.ApiDocs.isDocsHandler(method.getBeanType())) {
            // The framework's own handlers (the /error page) and springdoc's (the API document, public by the
            // security filter chain) carry no rule; security already ran for the request.
            return true;
        }
        Allow allow = allowOf(method);
        if (allow == null) {
            throw new AccessDeniedException("endpoint " + request.getMethod() + " " + request.getRequestURI()
                    + " declares no @Allow: closed to everybody");
        }
        Actor actor = CurrentActor.get();
        if (Arrays.stream(allow.value()).noneMatch(actor::has)) {
            throw new AccessDeniedException("requires one of the roles " + Arrays.toString(allow.value()));
        }
        return true;
    }

    public static boolean isPublic(HandlerMethod method) {
        return AnnotatedElementUtils.hasAnnotation(method.getMethod(), PublicEndpoint.class)
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), PublicEndpoint.class);
    }

    public static Allow allowOf(HandlerMethod method) {
        Allow onMethod = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Allow.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Allow.class);
    }
}
