package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureService;
import com.brandclosure.closure.config.ClosureProperties;
import com.brandclosure.closure.domain.AccountClosureCommand.CancelClosure;
import com.brandclosure.closure.domain.AccountClosureCommand.InitiateClosure;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The brand admin's side: initiate, cancel, look at the closure of their account. */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/closure")
public class BrandClosureController {

    private final ClosureService closures;
    private final CommandContexts contexts;
    private final ClosureProperties properties;

    public BrandClosureController(ClosureService closures, CommandContexts contexts, ClosureProperties properties) {
        this.closures = closures;
        this.contexts = contexts;
        this.properties = properties;
    }

    @PostMapping
    public ClosureView initiate(@PathVariable String accountId, Actor actor,
                                @Valid @RequestBody ClosureRequests.Initiate body) {
        var ctx = contexts.forActor(actor.name(), actor.correlationId());
        var state = closures.execute(AccountId.of(accountId), ctx,
                s -> new InitiateClosure(actor.name(), body.reason(), ctx.now()));
        return ClosureView.of(state, properties.getReviewSla(), ctx.now());
    }

    @PostMapping("/cancel")
    public ClosureView cancel(@PathVariable String accountId, Actor actor,
                              @Valid @RequestBody ClosureRequests.Cancel body) {
        var ctx = contexts.forActor(actor.name(), actor.correlationId());
        var state = closures.execute(AccountId.of(accountId), ctx,
                s -> new CancelClosure(actor.name(), body.reason(), ctx.now()));
        return ClosureView.of(state, properties.getReviewSla(), ctx.now());
    }

    @GetMapping
    public ClosureView get(@PathVariable String accountId) {
        return ClosureView.of(closures.get(AccountId.of(accountId)), properties.getReviewSla(),
                contexts.clock().instant());
    }
}
