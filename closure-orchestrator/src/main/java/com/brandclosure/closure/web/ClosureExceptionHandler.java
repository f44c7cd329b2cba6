package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ApproverNotSupport;
import com.brandclosure.closure.domain.ApproverIsInitiator;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The refusals the platform's mapping does not know: the four-eyes rule, a permission matter (403). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ClosureExceptionHandler {

    @ExceptionHandler(ApproverIsInitiator.class)
    ProblemDetail approverIsInitiator(ApproverIsInitiator e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ApproverNotSupport.class)
    ProblemDetail approverNotSupport(ApproverNotSupport e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }
}
