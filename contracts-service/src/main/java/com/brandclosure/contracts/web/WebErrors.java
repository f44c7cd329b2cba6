package com.brandclosure.contracts.web;

import com.brandclosure.contracts.domain.InvalidInput;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.Map;

/**
 * The one refusal the platform's handler cannot shape: a domain check on a single field (a past
 * {@code expireOn}, an unknown time zone) answers 400 with {@code fieldErrors}, like Bean
 * Validation does. Everything else falls through to the platform's handler.
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
}
