package com.brandclosure.testkit;

import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every HTTP endpoint of a running application with the roles its {@code @Allow} names (or
 * public, for {@code @PublicEndpoint}), read from the actual request mappings: a role-matrix
 * test built on it covers a new endpoint the moment it exists, and fails if it declares no rule.
 */
public final class EndpointMatrix {

    private static final String ALLOW = "com.brandclosure.platform.security.Allow";
    static final String PUBLIC = "com.brandclosure.platform.security.PublicEndpoint";

    /** One method + path of a handler; {@code roles} empty and {@code isPublic} false means "no rule declared". */
    public record Endpoint(String method, String path, Set<String> roles, boolean isPublic, String handler) {
        public boolean declaresRule() {
            return isPublic || !roles.isEmpty();
        }

        /** The path with each {@code {variable}} replaced: {@code {accountId}} by {@code accountId}, others by "x1". */
        public String concretePath(String accountId) {
            return path.replaceAll("\\{accountId}", accountId).replaceAll("\\{[^}]+}", "x1");
        }

        public boolean accountScoped() {
            return path.contains("{accountId}");
        }
    }

    private EndpointMatrix() {
    }

    public static List<Endpoint> endpoints(ApplicationContext context) {
        var mapping = context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Endpoint> endpoints = new ArrayList<>();
        for (var entry : mapping.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = entry.getKey();
            HandlerMethod handler = entry.getValue();
            if (handler.getBeanType().getName().startsWith("org.springframework.")
                    || handler.getBeanType().getName().startsWith("org.springdoc.") || isErrorPage(handler.getBeanType())) {
                continue; // the framework's or the platform's error page (/error); springdoc's API document (public)
            }
            Set<String> roles = roles(handler);
            boolean isPublic = has(handler, PUBLIC);
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            for (String path : info.getPatternValues()) {
                for (RequestMethod m : methods.isEmpty() ? Set.of(RequestMethod.GET) : methods) {
                    endpoints.add(new Endpoint(m.name(), path, roles, isPublic,
                            handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName()));
                }
            }
        }
        endpoints.sort((a, b) -> (a.path + a.method).compareTo(b.path + b.method));
        return endpoints;
    }

    private static boolean isErrorPage(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Class<?> i : c.getInterfaces()) {
                if (i.getName().equals("org.springframework.boot.webmvc.error.ErrorController")) {
                    return true;
                }
            }
        }
        return false;
    }

    static boolean has(HandlerMethod handler, String annotation) {
        return find(handler.getMethod(), annotation) != null || find(handler.getBeanType(), annotation) != null;
    }

    static Set<String> roles(HandlerMethod handler) {
        Annotation allow = find(handler.getMethod(), ALLOW);
        if (allow == null) {
            allow = find(handler.getBeanType(), ALLOW);
        }
        if (allow == null) {
            return Set.of();
        }
        try {
            Method value = allow.annotationType().getMethod("value");
            Object[] roles = (Object[]) value.invoke(allow);
            Set<String> names = new LinkedHashSet<>();
            Arrays.stream(roles).forEach(r -> names.add(((Enum<?>) r).name()));
            return names;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Annotation find(java.lang.reflect.AnnotatedElement element, String annotationName) {
        try {
            Class<? extends Annotation> type = (Class<? extends Annotation>) Class.forName(annotationName);
            return AnnotatedElementUtils.findMergedAnnotation(element, type);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }
}
