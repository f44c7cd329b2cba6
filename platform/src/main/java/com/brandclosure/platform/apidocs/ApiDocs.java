package com.brandclosure.platform.apidocs;

/**
 * Where every service describes its HTTP API (springdoc-openapi): the OpenAPI 3 document at
 * {@code /v3/api-docs} and Swagger UI at {@code /swagger-ui.html}. Both are public: they hold no
 * data, only the shape of the API, and Swagger UI must load before its user enters credentials.
 * A deployment that must not publish them sets {@code springdoc.api-docs.enabled=false} and
 * {@code springdoc.swagger-ui.enabled=false}.
 */
public final class ApiDocs {

    /** The request paths springdoc serves (its default locations), public in the platform's security. */
    public static final String[] PUBLIC_PATHS = {"/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml",
            "/swagger-ui.html", "/swagger-ui/**"};

    /** The components schema every 4xx answer refers to: an RFC 9457 problem detail. */
    public static final String PROBLEM_SCHEMA = "ProblemDetail";
    public static final String PROBLEM_MEDIA_TYPE = "application/problem+json";
    /** Security scheme names in {@code components.securitySchemes}. */
    public static final String BEARER_SCHEME = "bearer-jwt";
    public static final String BASIC_SCHEME = "demo-basic";
    /** Operation extension listing the roles of the handler's {@code @Allow}. */
    public static final String ROLES_EXTENSION = "x-roles";
    /** Operation extension with the reason of a {@code @PublicEndpoint}. */
    public static final String PUBLIC_EXTENSION = "x-public";

    private ApiDocs() {
    }

    /** Whether the handler type is springdoc's own (the document and Swagger UI redirect controllers). */
    public static boolean isDocsHandler(Class<?> beanType) {
        return beanType.getName().startsWith("org.springdoc.");
    }
}
