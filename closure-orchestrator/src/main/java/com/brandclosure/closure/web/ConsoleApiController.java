package com.brandclosure.closure.web;

import com.brandclosure.closure.ops.console.ServiceCalls;
import com.brandclosure.closure.ops.console.SystemConsole;
import com.brandclosure.closure.web.Responses.ClosureView;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The ops console's JSON API (the page is {@link ConsoleController}): one account's timeline across the
 * five services with its closure, the system's dead letters, parked accounts, outbox and timers per
 * service, and the operator's actions on them, forwarded to the service that owns them with the caller's
 * credentials ({@link com.brandclosure.closure.ops.console}).
 */
@RestController
@RequestMapping("/api/v1/console")
public record ConsoleApiController(SystemConsole console, ServiceCalls calls, ClosureViews views, JsonCodec json,
                                   HttpServletRequest request) {

    static final String SERVICE = "[a-z][a-z0-9-]{0,62}";
    static final String CONSUMER = "[A-Za-z0-9._:-]{1,128}";
    static final String TIMER_KIND = "[A-Za-z0-9._-]{1,128}";
    static final String TIMER_ID = "[A-Za-z0-9._:|-]{1,200}";

    /** The account's closure (null: none) and its merged audit trail. */
    public record AccountTimeline(ClosureView closure, SystemConsole.Timeline timeline) {
    }

    @GetMapping("/accounts/{accountId}/timeline")
    @Allow({Role.SUPPORT, Role.OPS})
    public AccountTimeline timeline(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId) {
        ClosureView closure;
        try {
            closure = views.current(accountId);
        } catch (DomainException.NotFound none) {
            closure = null;
        }
        return new AccountTimeline(closure, console.timeline(accountId, authorization()));
    }

    @GetMapping("/services")
    @com.brandclosure.platform.web.Unpaged("one entry per service configured in closure.console.services")
    @Allow(Role.OPS)
    public List<SystemConsole.ServiceState> services() {
        return console.overview(authorization());
    }

    @PostMapping("/services/{service}/deadletters/{id}/replay")
    @Allow(Role.OPS)
    public ResponseEntity<Object> replay(@PathVariable @Pattern(regexp = SERVICE) String service,
                                         @PathVariable @Positive long id) {
        return forward(service, "POST", "/actuator/deadletters/" + id, null);
    }

    @PostMapping("/services/{service}/parked/{consumer}/{accountId}")
    @Allow(Role.OPS)
    public ResponseEntity<Object> release(@PathVariable @Pattern(regexp = SERVICE) String service,
                                          @PathVariable @Pattern(regexp = CONSUMER) String consumer,
                                          @PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                                          @Valid @RequestBody Requests.Release body) {
        return forward(service, "POST", "/actuator/parked/" + SystemConsole.encode(consumer) + "/" + accountId,
                json.write(body));
    }

    @PostMapping("/services/{service}/timers/{kind}/{id}")
    @Allow(Role.OPS)
    public ResponseEntity<Object> reschedule(@PathVariable @Pattern(regexp = SERVICE) String service,
                                             @PathVariable @Pattern(regexp = TIMER_KIND) String kind,
                                             @PathVariable @Pattern(regexp = TIMER_ID) String id) {
        return forward(service, "POST", "/actuator/timers/" + kind + "/" + SystemConsole.encode(id), null);
    }

    @DeleteMapping("/services/{service}/timers/{kind}/{id}")
    @Allow(Role.OPS)
    public ResponseEntity<Object> discard(@PathVariable @Pattern(regexp = SERVICE) String service,
                                          @PathVariable @Pattern(regexp = TIMER_KIND) String kind,
                                          @PathVariable @Pattern(regexp = TIMER_ID) String id) {
        return forward(service, "DELETE", "/actuator/timers/" + kind + "/" + SystemConsole.encode(id), null);
    }

    /** The owning service's answer as it gave it; a service that does not answer is a 502 problem detail. */
    private ResponseEntity<Object> forward(String service, String method, String path, String body) {
        if (!calls.knows(service)) {
            throw new DomainException.NotFound("no service " + service + " is known to the console");
        }
        ServiceCalls.Answer answer = console.act(service, method, path, body, authorization());
        if (!answer.answered()) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
                    service + " " + answer.error());
            problem.setTitle("Service unavailable");
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(problem);
        }
        var response = ResponseEntity.status(answer.status());
        return answer.body() == null ? response.build()
                : response.contentType(answer.ok() ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON)
                .body(answer.body());
    }

    private String authorization() {
        return request.getHeader(HttpHeaders.AUTHORIZATION);
    }
}
