package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureService;
import com.brandclosure.closure.application.ClosureStatus;
import com.brandclosure.closure.config.ClosureProperties;
import com.brandclosure.closure.domain.AccountClosureCommand.RejectFinalReview;
import com.brandclosure.closure.persistence.ClosureProjection;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Support's side: list closures, look at one with its evidence (SUPPORT, OPS), approve or reject
 * the final review (SUPPORT only; four-eyes checked by the service and the saga).
 */
@RestController
@RequestMapping("/api/v1/closures")
public class SupportClosureController {

    private static final List<String> STATES = com.brandclosure.closure.ops.ClosureMetrics.STATES;

    private final ClosureService closures;
    private final ClosureProjection projection;
    private final CommandContexts contexts;
    private final ClosureProperties properties;

    public SupportClosureController(ClosureService closures, ClosureProjection projection, CommandContexts contexts,
                                    ClosureProperties properties) {
        this.closures = closures;
        this.projection = projection;
        this.contexts = contexts;
        this.properties = properties;
    }

    @GetMapping
    @Allow({Role.SUPPORT, Role.OPS})
    public List<ClosureProjection.Summary> list(@RequestParam(required = false) String state,
                                                @RequestParam(required = false) String waitingOn,
                                                @RequestParam(required = false) Boolean overdue,
                                                @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        if (state != null && !STATES.contains(state)) {
            throw new DomainException.BadRequest("unknown state '" + state + "'; one of " + STATES);
        }
        if (waitingOn != null && !ClosureStatus.waitingOnValues().contains(waitingOn)) {
            throw new DomainException.BadRequest("unknown waitingOn '" + waitingOn + "'; one of "
                    + ClosureStatus.waitingOnValues());
        }
        return projection.list(state, waitingOn, overdue, limit);
    }

    @GetMapping("/{accountId}")
    @Allow({Role.SUPPORT, Role.OPS})
    public ClosureView get(@PathVariable String accountId) {
        return ClosureView.of(closures.get(CurrentActor.get(), AccountId.of(accountId)), properties.getReviewSla(),
                contexts.clock().instant());
    }

    @PostMapping("/{accountId}/approve")
    @Allow(Role.SUPPORT)
    public ClosureView approve(@PathVariable String accountId,
                               @RequestHeader(value = BrandClosureController.CORRELATION_HEADER, required = false)
                               String correlationId,
                               @Valid @RequestBody ClosureRequests.Approve body) {
        Actor actor = CurrentActor.get();
        var ctx = contexts.forActor(actor.name(), correlationId);
        var state = closures.approve(actor, AccountId.of(accountId), ctx, body.version());
        return ClosureView.of(state, properties.getReviewSla(), ctx.now());
    }

    @PostMapping("/{accountId}/reject")
    @Allow(Role.SUPPORT)
    public ClosureView reject(@PathVariable String accountId,
                              @RequestHeader(value = BrandClosureController.CORRELATION_HEADER, required = false)
                              String correlationId,
                              @Valid @RequestBody ClosureRequests.Reject body) {
        Actor actor = CurrentActor.get();
        var ctx = contexts.forActor(actor.name(), correlationId);
        var state = closures.execute(actor, AccountId.of(accountId), ctx,
                s -> new RejectFinalReview(actor.name(), body.reasons(), ctx.now()));
        return ClosureView.of(state, properties.getReviewSla(), ctx.now());
    }
}
