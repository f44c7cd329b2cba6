package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureService;
import com.brandclosure.closure.config.ClosureProperties;
import com.brandclosure.closure.domain.AccountClosureCommand.CancelClosure;
import com.brandclosure.closure.domain.AccountClosureCommand.InitiateClosure;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.Role;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The brand admin's side: initiate, cancel, look at the closure of their account. The actor is
 * the authenticated caller; the tenant check (a brand admin only on its own accounts, 404
 * otherwise) is made by {@link ClosureService}, where the command is handled.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/closure")
public class BrandClosureController {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final ClosureService closures;
    private final CommandContexts contexts;
    private final ClosureProperties properties;

    public BrandClosureController(ClosureService closures, CommandContexts contexts, ClosureProperties properties) {
        this.closures = closures;
        this.contexts = contexts;
        this.properties = properties;
    }

    @PostMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public ClosureView initiate(@PathVariable String accountId,
                                @RequestHeader(value = CORRELATION_HEADER, required = false) String correlationId,
                                @Valid @RequestBody ClosureRequests.Initiate body) {
        Actor actor = CurrentActor.get();
        var ctx = contexts.forActor(actor.name(), correlationId);
        var state = closures.execute(actor, AccountId.of(accountId), ctx,
                s -> new InitiateClosure(actor.name(), body.reason(), ctx.now()));
        return ClosureView.of(state, properties.getReviewSla(), ctx.now());
    }

    @PostMapping("/cancel")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public ClosureView cancel(@PathVariable String accountId,
                              @RequestHeader(value = CORRELATION_HEADER, required = false) String correlationId,
                              @Valid @RequestBody ClosureRequests.Cancel body) {
        Actor actor = CurrentActor.get();
        var ctx = contexts.forActor(actor.name(), correlationId);
        var state = closures.execute(actor, AccountId.of(accountId), ctx,
                s -> new CancelClosure(actor.name(), body.reason(), ctx.now()));
        return ClosureView.of(state, properties.getReviewSla(), ctx.now());
    }

    @GetMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS})
    public ClosureView get(@PathVariable String accountId) {
        return ClosureView.of(closures.get(CurrentActor.get(), AccountId.of(accountId)), properties.getReviewSla(),
                contexts.clock().instant());
    }
}
