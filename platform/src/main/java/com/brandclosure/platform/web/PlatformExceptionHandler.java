package com.brandclosure.platform.web;

import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import com.brandclosure.platform.kernel.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mapping of refusals to HTTP answers for every service, as RFC 9457 problem details:
 * validation and unreadable bodies 400 (with field errors), not found 404, state conflicts and
 * concurrent changes 409, business-rule refusals 422.
 */
@RestControllerAdvice
public class PlatformExceptionHandler {

    @ExceptionHandler(DomainException.NotFound.class)
    ProblemDetail notFound(DomainException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(DomainException.Conflict.class)
    ProblemDetail conflict(DomainException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ConcurrencyConflictException.class)
    ProblemDetail concurrent(ConcurrencyConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(DomainException.RuleViolation.class)
    ProblemDetail rule(DomainException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler({DomainException.BadRequest.class, IllegalArgumentException.class})
    ProblemDetail badRequest(RuntimeException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' has an invalid value: " + e.getValue());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        return problem(HttpStatus.BAD_REQUEST, "request body is not valid: " + cause.getMessage());
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "request has invalid fields");
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
        p.setProperty("fieldErrors", fields);
        return p;
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, "request has invalid parameters");
        Map<String, String> fields = new LinkedHashMap<>();
        // A body's field errors are named by the field; a path or query parameter's by the parameter.
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                fields.putIfAbsent(err instanceof org.springframework.validation.FieldError fe ? fe.getField()
                        : r.getMethodParameter().getParameterName(), err.getDefaultMessage())));
        p.setProperty("fieldErrors", fields);
        return p;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
