package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureStatus;
import com.brandclosure.closure.application.FinalReview;
import com.brandclosure.closure.ops.ClosureMetrics;
import com.brandclosure.closure.persistence.ClosureProjection;
import com.brandclosure.closure.web.Responses.ClosureView;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.Role;
import com.brandclosure.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Support's side: list closures, look at one with its evidence (SUPPORT, OPS), approve or reject
 * the final review (SUPPORT only; four-eyes checked by {@link FinalReview} and the saga).
 */
@RestController
@RequestMapping("/api/v1/closures")
public record SupportClosureController(FinalReview review, ClosureProjection projection, ClosureViews views) {

    private static final List<String> STATES = ClosureMetrics.STATES;

    @GetMapping
    @Allow({Role.SUPPORT, Role.OPS})
    public List<ClosureProjection.Summary> list(@RequestParam(required = false) String state,
                                                @RequestParam(required = false) String waitingOn,
                                                @RequestParam(required = false) Boolean overdue,
                                                @RequestParam(required = false) @Min(value = 1, message = Paging.LIMIT_REASON)
                                                @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_REASON) Integer limit,
                                                @RequestParam(required = false) String after) {
        Paging.Request page = Paging.request(limit, after, 2);
        if (state != null && !STATES.contains(state)) {
            throw new DomainException.BadRequest("unknown state '" + state + "'; one of " + STATES);
        }
        if (waitingOn != null && !ClosureStatus.waitingOnValues().contains(waitingOn)) {
            throw new DomainException.BadRequest("unknown waitingOn '" + waitingOn + "'; one of "
                    + ClosureStatus.waitingOnValues());
        }
        return Paging.page(projection.list(state, waitingOn, overdue, page), page, ClosureProjection::cursorOf);
    }

    @GetMapping("/{accountId}")
    @Allow({Role.SUPPORT, Role.OPS})
    public ClosureView get(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId) {
        return views.current(accountId);
    }

    @PostMapping("/{accountId}/approve")
    @Allow(Role.SUPPORT)
    public ClosureView approve(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                               @Valid @RequestBody Requests.Approve body) {
        return views.command((actor, ctx) -> review.approve(actor, AccountId.of(accountId), body.version(), ctx));
    }

    @PostMapping("/{accountId}/reject")
    @Allow(Role.SUPPORT)
    public ClosureView reject(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                              @Valid @RequestBody Requests.Reject body) {
        return views.command((actor, ctx) -> review.reject(actor, AccountId.of(accountId), body.reasons(), ctx));
    }
}
