package com.brandclosure.payouts.web;

import com.brandclosure.payouts.application.ActionService;
import com.brandclosure.payouts.application.ActionService.Conversion;
import com.brandclosure.payouts.application.ActionService.ItemResult;
import com.brandclosure.payouts.application.ActionService.Outcome;
import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
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

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Actions of one brand account: list, track (for tests and tools; tracking systems use the
 * ingest topic), and the review commands on one action or a batch of up to 10,000.
 */
@RestController
@RequestMapping("/api/accounts/{accountId}/actions")
public class ActionsController {

    private static final Set<String> STATES = Set.of("PENDING", "APPROVED", "REVERSED", "LOCKED", "CLEARED",
            "REJECTED");

    private final ActionService actions;
    private final CommandContexts contexts;

    public ActionsController(ActionService actions, CommandContexts contexts) {
        this.actions = actions;
        this.contexts = contexts;
    }

    public record TrackRequest(@NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String actionId,
                               @NotBlank @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String partnerId,
                               @Pattern(regexp = "[A-Za-z0-9._:-]{1,100}") String contractId,
                               @NotNull Instant eventAt, Instant reportedAt, long costMinor,
                               @NotBlank String currency) {
    }

    public record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record ModifyRequest(long costMinor, @NotBlank String currency, @NotBlank @Size(max = 500) String reason) {
    }

    public enum Operation { APPROVE, REVERSE, MODIFY, RESTORE }

    public record BatchRequest(@NotNull Operation operation,
                               @NotEmpty @Size(max = ActionService.MAX_BATCH) List<@NotBlank String> actionIds,
                               @Size(max = 500) String reason, Long costMinor, String currency) {
    }

    public record BatchItem(String actionId, Outcome outcome, String state, String message) {
    }

    public record BatchResponse(int changed, int unchanged, int refused, int notFound, List<BatchItem> results) {
    }

    public record PageResponse(List<ActionView> items, int page, int size, long total) {
    }

    @GetMapping
    public PageResponse list(@PathVariable String accountId, @RequestParam(required = false) String state,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                             @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                             @RequestParam(defaultValue = "0") @Min(0) int page,
                             @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
        if (state != null && !STATES.contains(state)) {
            throw new DomainException.BadRequest("state must be one of " + STATES + ", was " + state);
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new DomainException.BadRequest("from " + from + " is after to " + to);
        }
        var result = actions.list(AccountId.of(accountId), state, from, to, page, size);
        return new PageResponse(result.items().stream().map(ActionView::of).toList(), page, size, result.total());
    }

    @GetMapping("/{actionId}")
    public ActionView get(@PathVariable String accountId, @PathVariable String actionId) {
        return actions.find(AccountId.of(accountId), actionId).map(ActionView::of)
                .orElseThrow(() -> new DomainException.NotFound("action " + actionId + " not found"));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    public ActionView track(@PathVariable String accountId, @Valid @RequestBody TrackRequest r,
                            @RequestHeader(name = "X-Actor", defaultValue = "api") String actor,
                            @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        AccountId account = AccountId.of(accountId);
        CommandContext ctx = contexts.forActor(actor, correlationId);
        var conversion = new Conversion(account, r.actionId(), r.partnerId(), r.contractId(), r.eventAt(),
                r.reportedAt() == null ? ctx.now() : r.reportedAt(), Money.of(r.costMinor(), r.currency()), ctx);
        var refused = actions.track(List.of(conversion), ctx);
        if (!refused.isEmpty()) {
            throw refused.get(0);
        }
        return get(accountId, r.actionId());
    }

    @PostMapping("/{actionId}/approve")
    public ActionView approve(@PathVariable String accountId, @PathVariable String actionId,
                              @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        return one(accountId, actionId, new ActionCommand.ApproveAction(), actor);
    }

    @PostMapping("/{actionId}/reverse")
    public ActionView reverse(@PathVariable String accountId, @PathVariable String actionId,
                              @Valid @RequestBody ReasonRequest r,
                              @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        return one(accountId, actionId, new ActionCommand.ReverseAction(r.reason()), actor);
    }

    @PostMapping("/{actionId}/restore")
    public ActionView restore(@PathVariable String accountId, @PathVariable String actionId,
                              @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        return one(accountId, actionId, new ActionCommand.RestoreAction(), actor);
    }

    @PostMapping("/{actionId}/modify")
    public ActionView modify(@PathVariable String accountId, @PathVariable String actionId,
                             @Valid @RequestBody ModifyRequest r,
                             @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        return one(accountId, actionId,
                new ActionCommand.ModifyAction(Money.of(r.costMinor(), r.currency()), r.reason()), actor);
    }

    /** All-or-nothing per action: each gets its own outcome; refusals leave that action unchanged. */
    @PostMapping("/batch")
    public BatchResponse batch(@PathVariable String accountId, @Valid @RequestBody BatchRequest r,
                               @RequestHeader(name = "X-Actor", defaultValue = "api") String actor,
                               @RequestHeader(name = "X-Correlation-Id", required = false) String correlationId) {
        ActionCommand command = switch (r.operation()) {
            case APPROVE -> new ActionCommand.ApproveAction();
            case REVERSE -> new ActionCommand.ReverseAction(r.reason());
            case RESTORE -> new ActionCommand.RestoreAction();
            case MODIFY -> {
                if (r.costMinor() == null || r.currency() == null) {
                    throw new DomainException.BadRequest("MODIFY needs costMinor and currency");
                }
                yield new ActionCommand.ModifyAction(Money.of(r.costMinor(), r.currency()), r.reason());
            }
        };
        var results = actions.apply(AccountId.of(accountId), r.actionIds(), command,
                contexts.forActor(actor, correlationId));
        int[] counts = new int[Outcome.values().length];
        results.forEach(i -> counts[i.outcome().ordinal()]++);
        return new BatchResponse(counts[Outcome.CHANGED.ordinal()], counts[Outcome.UNCHANGED.ordinal()],
                counts[Outcome.REFUSED.ordinal()], counts[Outcome.NOT_FOUND.ordinal()],
                results.stream().map(i -> new BatchItem(i.actionId(), i.outcome(), i.state(), i.message())).toList());
    }

    private ActionView one(String accountId, String actionId, ActionCommand command, String actor) {
        ItemResult result = actions.apply(AccountId.of(accountId), List.of(actionId), command,
                contexts.forActor(actor, null)).getFirst();
        if (result.error() != null) {
            throw result.error();
        }
        return get(accountId, actionId);
    }
}
