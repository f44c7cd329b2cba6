package com.brandclosure.contracts.web;

import com.brandclosure.contracts.domain.InvalidInput;
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
 * The refusals the platform's handler cannot shape: a domain check on a single field (a past
 * {@code expireOn}, an unknown time zone) answers 400 with {@code fieldErrors}, like Bean
 * Validation does; and method validation (constraints on path variables next to a {@code @Valid}
 * body), whose body errors are named here by field ({@code partnerId}) instead of by parameter
 * ({@code body}). Everything else falls through to the platform's handler.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebErrors {

    @ExceptionHandler(InvalidInput.class)
    ProblemDetail invalidField(InvalidInput e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request has invalid fields");
        p.setProperty("fieldErrors", Map.of(e.field(), e.reason()));
        return p;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "request has invalid fields");
        Map<String, String> fields = new LinkedHashMap<>();
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(error -> fields.putIfAbsent(
                error instanceof FieldError f ? f.getField() : r.getMethodParameter().getParameterName(),
                error.getDefaultMessage())));
        p.setProperty("fieldErrors", fields);
        return p;
    }
}
