package com.brandclosure.platform.apidocs;

import com.brandclosure.platform.config.PlatformProperties;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;

/**
 * The OpenAPI document every service serves at {@code /v3/api-docs} ({@link ApiDocs}): title from
 * {@code spring.application.name}, the security scheme the service really accepts (bearer JWT in
 * {@code jwt} mode, HTTP Basic with the demo identities in {@code demo} mode), the RFC 9457
 * problem-detail schema, and per operation its roles and standard refusals
 * ({@link PlatformOperationCustomizer}).
 */
@AutoConfiguration
@ConditionalOnClass(OperationCustomizer.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class PlatformApiDocsAutoConfiguration {

    @Bean
    OperationCustomizer platformOperationCustomizer() {
        return new PlatformOperationCustomizer();
    }

    @Bean
    OpenApiCustomizer platformOpenApiCustomizer(PlatformProperties properties, Environment environment) {
        return openApi -> customise(openApi, properties.getSecurity().getMode(),
                environment.getProperty("spring.application.name", "service"));
    }

    /** Adds the title, the security scheme of {@code mode} and the problem-detail schema to {@code openApi}. */
    public static void customise(OpenAPI openApi, PlatformProperties.Security.Mode mode, String application) {
        Info info = openApi.getInfo() == null ? new Info() : openApi.getInfo();
        info.title(application).description("HTTP API of " + application + ". Errors are RFC 9457 problem details ("
                + ApiDocs.PROBLEM_MEDIA_TYPE + "); x-roles on an operation lists the roles that may call it.");
        openApi.info(info);
        Components components = openApi.getComponents() == null ? new Components() : openApi.getComponents();
        openApi.components(components);
        components.addSchemas(ApiDocs.PROBLEM_SCHEMA, problemSchema());
        if (mode == PlatformProperties.Security.Mode.DEMO) {
            components.addSecuritySchemes(ApiDocs.BASIC_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("demo mode: the demo identities (acme-admin, support-alice, ops, ...), password 'demo'"));
            openApi.security(java.util.List.of(new SecurityRequirement().addList(ApiDocs.BASIC_SCHEME)));
        } else {
            components.addSecuritySchemes(ApiDocs.BEARER_SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT").description("claims: sub (the actor), roles "
                            + "(BRAND_ADMIN, SUPPORT, OPS, SERVICE), accounts (the account ids a brand admin may act on)"));
            openApi.security(java.util.List.of(new SecurityRequirement().addList(ApiDocs.BEARER_SCHEME)));
        }
    }

    /** The answer of PlatformExceptionHandler and the security entry points (RFC 9457). */
    @SuppressWarnings({"rawtypes", "unchecked"})
    static Schema<?> problemSchema() {
        Schema<?> problem = new ObjectSchema().description("RFC 9457 problem detail");
        problem.addProperty("type", new StringSchema().format("uri")._default("about:blank"));
        problem.addProperty("title", new StringSchema().description("the HTTP status' reason phrase"));
        problem.addProperty("status", new IntegerSchema().description("the HTTP status code"));
        problem.addProperty("detail", new StringSchema().description("what was refused and why"));
        problem.addProperty("instance", new StringSchema().format("uri").description("the request path"));
        Schema fieldErrors = new ObjectSchema().description("400 only: the invalid fields or parameters and why")
                .additionalProperties(new StringSchema());
        problem.addProperty("fieldErrors", fieldErrors);
        problem.required(java.util.List.of("title", "status"));
        return problem;
    }
}
