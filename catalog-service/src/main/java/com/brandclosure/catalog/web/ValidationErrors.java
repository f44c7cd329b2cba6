package com.brandclosure.catalog.web;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Method validation (constraints on path variables next to a {@code @Valid} body) reports body
 * errors per parameter; this names each by its field ({@code name}) instead of the parameter
 * ({@code body}), so every 400 carries the same {@code fieldErrors} shape as Bean Validation of a body.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ValidationErrors {

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalid(HandlerMethodValidationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request has invalid fields");
        Map<String, String> fields = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> {
            for (MessageSourceResolvable error : r.getResolvableErrors()) {
                String field = error instanceof FieldError f ? f.getField() : r.getMethodParameter().getParameterName();
                fields.putIfAbsent(field, error.getDefaultMessage());
            }
        });
        p.setProperty("fieldErrors", fields);
        return p;
    }
}
