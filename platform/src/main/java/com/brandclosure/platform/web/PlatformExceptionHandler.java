package com.brandclosure.platform.web;

import com.brandclosure.platform.eventstore.AccountBusyException;
import com.brandclosure.platform.eventstore.ConcurrencyConflictException;
import com.brandclosure.platform.kernel.DomainException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingPathVariableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.beans.TypeMismatchException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One mapping of refusals to HTTP answers for every service, as RFC 9457 problem details
 * ({@code application/problem+json}): invalid input 400 (with {@code fieldErrors} naming each
 * field), forbidden 403, not found 404, state conflicts and concurrent changes 409, business-rule
 * refusals 422, a busy account 503 with {@code Retry-After}, the database or broker away (a transient failure,
 * {@link com.brandclosure.platform.inbox.Failures}) 503 with {@code Retry-After} — and every refusal of the framework
 * itself (unknown path 404, method 405, not acceptable 406, media type 415, missing or mistyped
 * parameters and bodies 400). A {@code detail} says what is wrong in the client's terms (field
 * name and reason); it never carries a Java type, class or method name: the framework's own
 * messages are replaced, not passed on. Anything else is a 500 whose cause is logged, not shown.
 */
@RestControllerAdvice
public class PlatformExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(PlatformExceptionHandler.class);

    @ExceptionHandler(DomainException.NotFound.class)
    ProblemDetail notFound(DomainException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(DomainException.Conflict.class)
    ProblemDetail conflict(DomainException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    /** A late command for an account whose data was shredded after closure: gone for good. */
    @ExceptionHandler(com.brandclosure.platform.crypto.AccountShreddedException.class)
    ProblemDetail shredded(com.brandclosure.platform.crypto.AccountShreddedException e) {
        return problem(HttpStatus.GONE, e.getMessage());
    }

    @ExceptionHandler(ConcurrencyConflictException.class)
    ProblemDetail concurrent(ConcurrencyConflictException e) {
        return problem(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(DomainException.RuleViolation.class)
    ProblemDetail rule(DomainException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
    }

    @ExceptionHandler(DomainException.Forbidden.class)
    ProblemDetail forbidden(DomainException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(DomainException.BadRequest.class)
    ProblemDetail badRequest(DomainException.BadRequest e) {
        if (e.field() != null) {
            return fieldProblem(Map.of(e.field(), e.reason()));
        }
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    /** The application's own argument checks (value records' constructors): their messages are written for clients. */
    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail illegalArgument(IllegalArgumentException e) {
        return problem(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(AccountBusyException.class)
    ResponseEntity<ProblemDetail> busy(AccountBusyException e) {
        ProblemDetail p = problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        long seconds = Math.max(1, e.retryAfter().toSeconds());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER,
                Long.toString(seconds)).body(p);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail accessDenied(AccessDeniedException e) {
        return problem(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(AuthenticationException.class)
    ProblemDetail unauthenticated(AuthenticationException e) {
        return problem(HttpStatus.UNAUTHORIZED, "authentication required");
    }

    /** The security firewall refused a parameter or header value (e.g. a NUL or other control character). */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ProblemDetail rejected(org.springframework.security.web.firewall.RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "the request contains characters that are not allowed "
                + "(control characters such as NUL in a parameter or header)");
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalid(MethodArgumentNotValidException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        e.getBindingResult().getFieldErrors().forEach(f -> fields.putIfAbsent(f.getField(), f.getDefaultMessage()));
        e.getBindingResult().getGlobalErrors().forEach(g -> fields.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
        return fieldProblem(fields);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e) {
        Map<String, String> fields = new LinkedHashMap<>();
        // A body's field errors are named by the field; a path or query parameter's by the parameter.
        e.getParameterValidationResults().forEach(r -> r.getResolvableErrors().forEach(err ->
                fields.putIfAbsent(err instanceof FieldError fe ? fe.getField()
                        : r.getMethodParameter().getParameterName(), err.getDefaultMessage())));
        return fieldProblem(fields);
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail typeMismatch(TypeMismatchException e) {
        String name = e.getPropertyName() != null ? e.getPropertyName() : "parameter";
        return fieldProblem(Map.of(name, Reasons.expected(e.getRequiredType())));
    }

    @ExceptionHandler(RequestSizeFilter.BodyTooLargeException.class)
    ProblemDetail tooLarge(RequestSizeFilter.BodyTooLargeException e) {
        return problem(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        RequestSizeFilter.BodyTooLargeException tooLarge = causeOf(e, RequestSizeFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge(tooLarge);
        }
        UnreadableBody.Refusal refusal = UnreadableBody.explain(e);
        if (refusal.field() != null) {
            return fieldProblem(Map.of(refusal.field(), refusal.reason()));
        }
        return problem(HttpStatus.BAD_REQUEST, refusal.reason());
    }

    /**
     * The framework's other refusals (they all are {@link ErrorResponse}s): their status and
     * headers ({@code Allow}, {@code Accept}) are kept, their detail is rewritten.
     */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> other(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        if (e instanceof ErrorResponse response) {
            HttpStatusCode status = response.getStatusCode();
            ProblemDetail p = ProblemDetail.forStatusAndDetail(status, frameworkDetail(e, request));
            if (e instanceof MissingServletRequestParameterException m) {
                p.setProperty("fieldErrors", Map.of(m.getParameterName(), "is required"));
            } else if (e instanceof MissingRequestHeaderException m) {
                p.setProperty("fieldErrors", Map.of(m.getHeaderName(), "header is required"));
            }
            if (status.is5xxServerError()) {
                log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
            }
            return ResponseEntity.status(status).headers(response.getHeaders()).body(p);
        }
        RequestSizeFilter.BodyTooLargeException tooLarge = causeOf(e, RequestSizeFilter.BodyTooLargeException.class);
        if (tooLarge != null) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
        }
        if (com.brandclosure.platform.inbox.Failures.isTransient(e)) {
            // The database or the broker is away (a restart, a cut connection): nothing was decided, and the
            // same request may succeed in a moment. The consumers retry such failures; a caller is told to.
            log.warn("{} {} failed on the infrastructure: {}", request.getMethod(), request.getRequestURI(), e.toString());
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header(HttpHeaders.RETRY_AFTER, "1")
                    .body(problem(HttpStatus.SERVICE_UNAVAILABLE, "a system this service depends on is unavailable "
                            + "(database or broker); try again in a moment"));
        }
        log.error("{} {} failed", request.getMethod(), request.getRequestURI(), e);
        return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(problem(HttpStatus.INTERNAL_SERVER_ERROR,
                "the request could not be handled; the failure is logged with this request's correlation id"));
    }

    private static String frameworkDetail(Exception e, jakarta.servlet.http.HttpServletRequest request) {
        return switch (e) {
            case NoResourceFoundException ignored -> "nothing is at " + request.getMethod() + " " + path(request);
            case NoHandlerFoundException ignored -> "nothing is at " + request.getMethod() + " " + path(request);
            case HttpRequestMethodNotSupportedException m -> "method " + m.getMethod() + " is not allowed here"
                    + (m.getSupportedHttpMethods() == null ? "" : "; allowed: " + String.join(", ",
                    m.getSupportedHttpMethods().stream().map(Object::toString).toList()));
            case HttpMediaTypeNotSupportedException m -> "content type "
                    + (m.getContentType() == null ? "(none)" : "'" + m.getContentType() + "'")
                    + " is not supported; send " + (m.getSupportedMediaTypes().isEmpty() ? "application/json"
                    : String.join(", ", m.getSupportedMediaTypes().stream().map(Object::toString).toList()));
            case HttpMediaTypeNotAcceptableException m -> "no acceptable representation; this endpoint answers "
                    + (m.getSupportedMediaTypes().isEmpty() ? "application/json"
                    : String.join(", ", m.getSupportedMediaTypes().stream().map(Object::toString).toList()));
            case MissingServletRequestParameterException m -> "query parameter '" + m.getParameterName() + "' is required";
            case MissingRequestHeaderException m -> "header '" + m.getHeaderName() + "' is required";
            case MissingPathVariableException m -> "path variable '" + m.getVariableName() + "' is required";
            case ServletRequestBindingException ignored -> "the request is missing a required part";
            case MaxUploadSizeExceededException ignored -> "the request body is too large";
            case ResponseStatusException r when r.getReason() != null -> r.getReason();
            default -> {
                HttpStatus known = HttpStatus.resolve(((ErrorResponse) e).getStatusCode().value());
                yield known == null ? "the request was refused" : known.getReasonPhrase().toLowerCase();
            }
        };
    }

    private static String path(jakarta.servlet.http.HttpServletRequest request) {
        String uri = request.getRequestURI();
        return uri.length() > 200 ? uri.substring(0, 200) + "…" : uri;
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    static ProblemDetail fieldProblem(Map<String, String> fields) {
        String detail = fields.isEmpty() ? "request has invalid fields" : "request has invalid fields: "
                + String.join("; ", fields.entrySet().stream().map(f -> f.getKey() + " " + f.getValue()).toList());
        ProblemDetail p = problem(HttpStatus.BAD_REQUEST, detail);
        p.setProperty("fieldErrors", fields);
        return p;
    }

    private static ProblemDetail problem(HttpStatus status, String detail) {
        return ProblemDetail.forStatusAndDetail(status, detail);
    }
}
