package com.brandclosure.payouts.web;

import com.brandclosure.payouts.application.ActionQueries;
import com.brandclosure.payouts.application.Conversion;
import com.brandclosure.payouts.application.ReviewActions;
import com.brandclosure.payouts.application.ReviewActions.ItemResult;
import com.brandclosure.payouts.application.ReviewActions.Outcome;
import com.brandclosure.payouts.application.TrackConversions;
import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.payouts.web.Requests.BatchRequest;
import com.brandclosure.payouts.web.Requests.ModifyRequest;
import com.brandclosure.payouts.web.Requests.ReasonRequest;
import com.brandclosure.payouts.web.Requests.TrackRequest;
import com.brandclosure.payouts.web.Responses.ActionView;
import com.brandclosure.payouts.web.Responses.BatchItem;
import com.brandclosure.payouts.web.Responses.BatchResponse;
import com.brandclosure.payouts.web.Responses.PageResponse;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.Role;
import com.brandclosure.platform.web.Paging;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;
import java.util.List;

/**
 * Actions of one brand account: list, track (for tracking systems and tools: SERVICE; the
 * normal way in is the ingest topic), and the review commands on one action or a batch of up
 * to 10,000. The actor of every command is the authenticated caller; the tenant check
 * ({@link Actor#requireAccess}) is made by the application layer. Path variables are checked
 * here (400); an unknown action id is a 404 from the lookup.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/actions")
public record ActionsController(TrackConversions tracking, ReviewActions review, ActionQueries queries, CommandContexts contexts) {

    @GetMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    public PageResponse list(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                             @RequestParam(required = false)
                             @Pattern(regexp = Requests.STATES, message = "must be one of " + Requests.STATES)
                             String state,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(required = false) @Min(value = 1, message = Paging.LIMIT_REASON)
                             @Max(value = Paging.MAX_LIMIT, message = Paging.LIMIT_REASON) Integer limit,
                             @RequestParam(required = false) String after) {
        if (from != null && to != null && from.isAfter(to)) {
            throw new DomainException.BadRequest("from " + from + " is after to " + to);
        }
        Paging.Request page = Paging.request(limit, after, 2);
        var result = queries.list(CurrentActor.get(), AccountId.of(accountId), state, from, to, page);
        return new PageResponse(Paging.page(result.items(), page, PayoutsStore::cursorOf).stream().map(ActionView::of)
                .toList(), result.total());
    }

    @GetMapping("/{actionId}")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    public ActionView get(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                          @PathVariable @Pattern(regexp = Requests.ID) String actionId) {
        return view(CurrentActor.get(), accountId, actionId);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.SERVICE)
    public ActionView track(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                            @Valid @RequestBody TrackRequest r,
                            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        Actor actor = CurrentActor.get();
        AccountId account = AccountId.of(accountId);
        CommandContext ctx = contexts.forActor(actor.name(), correlation(correlationId));
        var conversion = new Conversion(account, r.actionId(), r.partnerId(), r.contractId(), r.eventAt(),
                r.reportedAt() == null ? ctx.now() : r.reportedAt(), Money.of(r.costMinor(), r.currency()), ctx);
        tracking.trackOne(actor, conversion, ctx);
        return view(actor, accountId, r.actionId());
    }

    @PostMapping("/{actionId}/approve")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public ActionView approve(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                              @PathVariable @Pattern(regexp = Requests.ID) String actionId) {
        return one(accountId, actionId, new ActionCommand.ApproveAction());
    }

    @PostMapping("/{actionId}/reverse")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public ActionView reverse(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                              @PathVariable @Pattern(regexp = Requests.ID) String actionId,
                              @Valid @RequestBody ReasonRequest r) {
        return one(accountId, actionId, new ActionCommand.ReverseAction(r.reason()));
    }

    @PostMapping("/{actionId}/restore")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public ActionView restore(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                              @PathVariable @Pattern(regexp = Requests.ID) String actionId) {
        Actor actor = CurrentActor.get();
        return result(actor, accountId, actionId, review.restore(actor, AccountId.of(accountId), List.of(actionId),
                contexts.forActor(actor.name(), null)));
    }

    @PostMapping("/{actionId}/modify")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public ActionView modify(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                             @PathVariable @Pattern(regexp = Requests.ID) String actionId,
                             @Valid @RequestBody ModifyRequest r) {
        return one(accountId, actionId,
                new ActionCommand.ModifyAction(Money.of(r.costMinor(), r.currency()), r.reason()));
    }

    /** All-or-nothing per action: each gets its own outcome; refusals leave that action unchanged. */
    @PostMapping("/batch")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public BatchResponse batch(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                               @Valid @RequestBody BatchRequest r,
                               @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        Actor actor = CurrentActor.get();
        var ctx = contexts.forActor(actor.name(), correlation(correlationId));
        var account = AccountId.of(accountId);
        var results = switch (r.operation()) {
            // The use case builds a restore: it depends on the time and on the account's deactivation.
            case RESTORE -> review.restore(actor, account, r.actionIds(), ctx);
            case APPROVE -> review.apply(actor, account, r.actionIds(), new ActionCommand.ApproveAction(), ctx);
            case REVERSE -> review.apply(actor, account, r.actionIds(), new ActionCommand.ReverseAction(r.reason()),
                    ctx);
            case MODIFY -> {
                if (r.costMinor() == null || r.currency() == null) {
                    throw new DomainException.BadRequest("MODIFY needs costMinor and currency");
                }
                yield review.apply(actor, account, r.actionIds(),
                        new ActionCommand.ModifyAction(Money.of(r.costMinor(), r.currency()), r.reason()), ctx);
            }
        };
        int[] counts = new int[Outcome.values().length];
        results.forEach(i -> counts[i.outcome().ordinal()]++);
        return new BatchResponse(counts[Outcome.CHANGED.ordinal()], counts[Outcome.UNCHANGED.ordinal()],
                counts[Outcome.REFUSED.ordinal()], counts[Outcome.NOT_FOUND.ordinal()],
                results.stream().map(i -> new BatchItem(i.actionId(), i.outcome(), i.state(), i.message())).toList());
    }

    private static String correlation(String correlationId) {
        if (correlationId != null && correlationId.length() > 200) {
            throw new DomainException.BadRequest("X-Correlation-Id is longer than 200 characters");
        }
        return correlationId;
    }

    private ActionView one(String accountId, String actionId, ActionCommand command) {
        Actor actor = CurrentActor.get();
        return result(actor, accountId, actionId, review.apply(actor, AccountId.of(accountId), List.of(actionId),
                command, contexts.forActor(actor.name(), null)));
    }

    private ActionView result(Actor actor, String accountId, String actionId, List<ItemResult> results) {
        ItemResult result = results.getFirst();
        if (result.error() != null) {
            throw result.error();
        }
        return view(actor, accountId, actionId);
    }

    private ActionView view(Actor actor, String accountId, String actionId) {
        return queries.find(actor, AccountId.of(accountId), actionId).map(ActionView::of)
                .orElseThrow(() -> new DomainException.NotFound("action " + actionId + " not found"));
    }
}
