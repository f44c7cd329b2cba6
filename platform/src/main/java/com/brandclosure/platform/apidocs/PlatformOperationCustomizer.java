package com.brandclosure.platform.apidocs;

import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.AllowInterceptor;
import com.brandclosure.platform.security.PublicEndpoint;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Adds to every operation what the platform decides for it, so the document cannot drift from the
 * code: who may call it (the roles of its {@link Allow}, as {@code x-roles} and in the description;
 * a {@link PublicEndpoint} gets no security requirement) and the refusals the platform answers
 * with, as problem details ({@code PlatformExceptionHandler} and the security entry points):
 * 400 when it takes parameters or a body, 401 and 403 unless it is public, 404 when its path
 * names a resource (an unknown one, or another brand's account), 409 and 422 when it changes state.
 */
public class PlatformOperationCustomizer implements OperationCustomizer {

    private static final Set<RequestMethod> WRITES = Set.of(RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.PATCH, RequestMethod.DELETE);

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (ApiDocs.isDocsHandler(handler.getBeanType())) {
            return operation;
        }
        PublicEndpoint publicEndpoint = publicEndpoint(handler);
        if (publicEndpoint != null) {
            operation.setSecurity(List.of());
            operation.addExtension(ApiDocs.PUBLIC_EXTENSION, publicEndpoint.value());
            describe(operation, "Public: " + publicEndpoint.value() + ".");
        } else {
            Allow allow = AllowInterceptor.allowOf(handler);
            List<String> roles = allow == null ? List.of() : Arrays.stream(allow.value()).map(Enum::name).toList();
            operation.addExtension(ApiDocs.ROLES_EXTENSION, roles);
            describe(operation, roles.isEmpty() ? "Closed: the handler declares no @Allow, every caller gets 403."
                    : "Roles: " + String.join(", ", roles) + ".");
            problem(operation, "401", "no credentials, or credentials that are not valid");
            problem(operation, "403", "the caller's roles do not include one of " + roles);
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (!parameters.isEmpty() || operation.getRequestBody() != null) {
            problem(operation, "400", "a parameter or the body is not valid (fieldErrors names them)");
        }
        if (parameters.stream().anyMatch(p -> "path".equals(p.getIn()))) {
            problem(operation, "404", "no such resource, or an account the caller may not act on");
        }
        if (writes(handler)) {
            problem(operation, "409", "the change conflicts with the current state or a concurrent change");
            problem(operation, "422", "the change breaks a business rule");
        }
        return operation;
    }

    private static PublicEndpoint publicEndpoint(HandlerMethod handler) {
        PublicEndpoint onMethod = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PublicEndpoint.class);
        return onMethod != null ? onMethod : AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PublicEndpoint.class);
    }

    private static boolean writes(HandlerMethod handler) {
        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), RequestMapping.class);
        return mapping != null && Arrays.stream(mapping.method()).anyMatch(WRITES::contains);
    }

    private static void describe(Operation operation, String line) {
        String description = operation.getDescription();
        operation.setDescription(description == null || description.isBlank() ? line : description + "\n\n" + line);
    }

    private static void problem(Operation operation, String status, String description) {
        ApiResponses responses = operation.getResponses();
        if (responses == null) {
            responses = new ApiResponses();
            operation.setResponses(responses);
        }
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType(ApiDocs.PROBLEM_MEDIA_TYPE, new MediaType().schema(
                            new Schema<>().$ref("#/components/schemas/" + ApiDocs.PROBLEM_SCHEMA)))));
        }
    }
}
