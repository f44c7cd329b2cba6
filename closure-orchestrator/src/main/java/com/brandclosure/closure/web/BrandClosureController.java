package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureCancellation;
import com.brandclosure.closure.application.ClosureInitiation;
import com.brandclosure.closure.application.ClosureLookup;
import com.brandclosure.closure.config.ClosureProperties;
import com.brandclosure.closure.web.Responses.ClosureView;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
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
 * otherwise) is made by the use cases, where the command is handled.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/closure")
public class BrandClosureController {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final ClosureInitiation initiation;
    private final ClosureCancellation cancellation;
    private final ClosureLookup lookup;
    private final CommandContexts contexts;
    private final ClosureProperties properties;

    public BrandClosureController(ClosureInitiation initiation, ClosureCancellation cancellation, ClosureLookup lookup,
                                  CommandContexts contexts, ClosureProperties properties) {
        this.initiation = initiation;
        this.cancellation = cancellation;
        this.lookup = lookup;
        this.contexts = contexts;
        this.properties = properties;
    }

    @PostMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public ClosureView initiate(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                                @RequestHeader(value = CORRELATION_HEADER, required = false) String correlationId,
                                @Valid @RequestBody Requests.Initiate body) {
        Actor actor = CurrentActor.get();
        var ctx = contexts.forActor(actor.name(), correlationId);
        var state = initiation.initiate(actor, AccountId.of(accountId), body.reason(), ctx);
        return ClosureView.of(state, properties.getReviewSla(), ctx.now());
    }

    @PostMapping("/cancel")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public ClosureView cancel(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                              @RequestHeader(value = CORRELATION_HEADER, required = false) String correlationId,
                              @Valid @RequestBody Requests.Cancel body) {
        Actor actor = CurrentActor.get();
        var ctx = contexts.forActor(actor.name(), correlationId);
        var state = cancellation.cancel(actor, AccountId.of(accountId), body.reason(), ctx);
        return ClosureView.of(state, properties.getReviewSla(), ctx.now());
    }

    @GetMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS})
    public ClosureView get(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId) {
        return ClosureView.of(lookup.get(CurrentActor.get(), AccountId.of(accountId)), properties.getReviewSla(),
                contexts.clock().instant());
    }
}
