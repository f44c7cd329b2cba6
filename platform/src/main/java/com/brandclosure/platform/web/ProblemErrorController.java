package com.brandclosure.platform.web;

import com.brandclosure.platform.security.PublicEndpoint;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The servlet container's error page ({@code /error}) as a problem detail, replacing Boot's
 * default error JSON: what reaches it was refused before any controller ran (the security
 * firewall's 400, an error sent by a filter) or failed outside the MVC exception handling. It
 * answers with the status only: the exception, if any, is not shown (it may name Java types).
 */
@RestController
@RequestMapping("${server.error.path:${error.path:/error}}")
@PublicEndpoint("the container's error page: renders the refusal of a request that already failed")
public class ProblemErrorController implements ErrorController {

    // Any Accept: the content type is set explicitly, so an error is never turned into a 406.
    @RequestMapping
    public ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer i && HttpStatus.resolve(i) != null ? HttpStatus.valueOf(i)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        String detail = switch (status) {
            case NOT_FOUND -> "nothing is at this path";
            case BAD_REQUEST -> "the request is malformed";
            case INTERNAL_SERVER_ERROR -> "the request could not be handled; the failure is logged";
            default -> status.getReasonPhrase().toLowerCase();
        };
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        if (uri instanceof String path && path.length() <= 200) {
            problem.setInstance(java.net.URI.create(path.replaceAll("[^A-Za-z0-9/._~-]", "_")));
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
