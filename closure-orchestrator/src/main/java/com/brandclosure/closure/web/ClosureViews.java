package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureLookup;
import com.brandclosure.closure.config.ClosureProperties;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.web.Responses.ClosureView;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.CurrentActor;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Component;

import java.util.function.BiFunction;

/**
 * The shared steps of the closure endpoints (brand and support side): a command runs for the
 * authenticated caller under the request's optional {@code X-Correlation-Id}, and every answer is the closure's view
 * with the review SLA, as of the command's time (or the clock, for a plain look).
 */
@Component
class ClosureViews {

    static final String CORRELATION_HEADER = "X-Correlation-Id";

    private final ClosureLookup lookup;
    private final CommandContexts contexts;
    private final ClosureProperties properties;
    /** Spring's proxy to the request being handled. */
    private final HttpServletRequest request;

    ClosureViews(ClosureLookup lookup, CommandContexts contexts, ClosureProperties properties,
                 HttpServletRequest request) {
        this.lookup = lookup;
        this.contexts = contexts;
        this.properties = properties;
        this.request = request;
    }

    /** Runs {@code command} (actor, context → state after it) for the caller; the view of the state after it. */
    ClosureView command(BiFunction<Actor, CommandContext, AccountClosureState> command) {
        Actor actor = CurrentActor.get();
        CommandContext ctx = contexts.forActor(actor.name(), request.getHeader(CORRELATION_HEADER));
        return ClosureView.of(command.apply(actor, ctx), properties.deadlines(), ctx.now());
    }

    /** The account's closure as the caller may see it (tenant-checked by the lookup). */
    ClosureView current(String accountId) {
        return ClosureView.of(lookup.get(CurrentActor.get(), AccountId.of(accountId)), properties.deadlines(),
                contexts.clock().instant());
    }
}
