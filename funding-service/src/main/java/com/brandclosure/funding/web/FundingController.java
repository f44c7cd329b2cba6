package com.brandclosure.funding.web;

import com.brandclosure.funding.application.FundingAccounts;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.funding.web.Responses.Created;
import com.brandclosure.funding.web.Responses.Overview;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.platform.security.Actor;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * A brand's funding account: balance overview, deposits, charges (fees) and the final refund.
 * The actor of every command is the authenticated caller; the tenant check
 * ({@link Actor#requireAccess}) is made by {@link FundingAccounts}.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/funding")
public record FundingController(FundingAccounts accounts, CommandContexts contexts) {

    @GetMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    public Overview overview(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId) {
        AccountId account = AccountId.of(accountId);
        return view(account, accounts.read(CurrentActor.get(), account));
    }

    @PutMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public Overview open(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                         @Valid @RequestBody Requests.OpenAccount r) {
        AccountId account = AccountId.of(accountId);
        ZoneId zone = zone(r.zone());
        return view(account, execute(account, ctx -> new FundingCommand.OpenAccount(account.value(),
                Money.currency(r.currency()), zone, ctx.now())));
    }

    private static ZoneId zone(String id) {
        try {
            return id == null ? null : ZoneId.of(id);
        } catch (DateTimeException e) {
            throw new DomainException.BadRequest("zone is not a known time zone id: " + id);
        }
    }

    @PostMapping("/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public Created deposit(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                           @Valid @RequestBody Requests.Deposit r) {
        AccountId account = AccountId.of(accountId);
        String id = r.depositId() != null ? r.depositId() : "dep-" + contexts.newId();
        var state = execute(account, ctx -> new FundingCommand.ReceiveDeposit(id, r.method(),
                Money.of(r.amountMinor(), r.currency()), ctx.now()));
        return new Created(id, view(account, state));
    }

    /**
     * The payment side's confirmation (a card processor, at once; a bank, when the transfer clears): only
     * now is the deposit credited.
     */
    @PostMapping("/deposits/{depositId}/clear")
    @Allow(Role.SERVICE)
    public Overview clear(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                          @PathVariable @Pattern(regexp = Requests.ID) String depositId) {
        AccountId account = AccountId.of(accountId);
        return view(account, execute(account, ctx -> new FundingCommand.ClearDeposit(depositId, ctx.now())));
    }

    /** The payment side's callback: the deposit failed (declined, or an ACH return after crediting). */
    @PostMapping("/deposits/{depositId}/fail")
    @Allow(Role.SERVICE)
    public Overview fail(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                         @PathVariable @Pattern(regexp = Requests.ID) String depositId,
                         @Valid @RequestBody Requests.FailDeposit r) {
        AccountId account = AccountId.of(accountId);
        return view(account, execute(account, ctx -> new FundingCommand.FailDeposit(depositId, r.reason(),
                ctx.now())));
    }

    /** Billing's callback: a fee billed to the account. */
    @PostMapping("/charges")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.SERVICE)
    public Created charge(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                          @Valid @RequestBody Requests.Charge r) {
        AccountId account = AccountId.of(accountId);
        String id = r.chargeId() != null ? r.chargeId() : "fee-" + contexts.newId();
        var state = execute(account, ctx -> new FundingCommand.BillCharge(id, Money.of(r.amountMinor(),
                r.currency()), r.dueOn(), r.description(), ctx.now()));
        return new Created(id, view(account, state));
    }

    /**
     * Support resolves a partner cost the account could not book (it keeps the account insufficient):
     * books it in the account's currency or writes it off; who and why are recorded in the account's stream.
     */
    @PostMapping("/blocked-costs/{actionId}/resolution")
    @Allow(Role.SUPPORT)
    public Overview resolveBlockedCost(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                                       @PathVariable @Pattern(regexp = Requests.ID) String actionId,
                                       @Valid @RequestBody Requests.ResolveBlockedCost r) {
        AccountId account = AccountId.of(accountId);
        return view(account, execute(account, ctx -> {
            Money booked = r.bookedAmountMinor() == null ? null : Money.of(r.bookedAmountMinor(),
                    currencyOf(account).getCurrencyCode());
            return new FundingCommand.ResolveBlockedCost(actionId, booked, ctx.actor(), r.note(), ctx.now());
        }));
    }

    /**
     * Support resolves the account's locale conflict (payouts decided another currency or zone than the
     * one a first cost opened the funding account in): settled outside the account, the note says how;
     * the blocker {@code LOCALE_CONFLICT} is lifted. 404 when there is none.
     */
    @PostMapping("/locale-conflict/resolution")
    @Allow(Role.SUPPORT)
    public Overview resolveLocaleConflict(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                                          @Valid @RequestBody Requests.ResolveLocaleConflict r) {
        AccountId account = AccountId.of(accountId);
        return view(account, execute(account, ctx -> new FundingCommand.ResolveLocaleConflict(ctx.actor(), r.note(),
                ctx.now())));
    }

    private java.util.Currency currencyOf(AccountId account) {
        return switch (accounts.read(CurrentActor.get(), account)) {
            case FundingState.Active a -> a.currency();
            default -> throw new DomainException.NotFound("funding account " + account + " not found");
        };
    }

    /**
     * Authorizes the final refund of a deactivated account; the authorizing person is the
     * authenticated caller (recorded as {@code authorizedBy} and as the events' actor).
     */
    @PostMapping("/refund-authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public Created authorizeRefund(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId) {
        AccountId account = AccountId.of(accountId);
        String refundId = "refund-" + contexts.newId();
        String authorizationId = "auth-" + contexts.newId();
        var state = execute(account, ctx -> new FundingCommand.AuthorizeRefund(authorizationId, refundId,
                ctx.actor(), ctx.now()));
        return new Created(refundId, view(account, state));
    }

    /** The command the caller asks for, built at the context's {@code now}, with the caller as actor. */
    private FundingState execute(AccountId account, Function<CommandContext, FundingCommand> command) {
        Actor actor = CurrentActor.get();
        CommandContext ctx = contexts.forActor(actor.name(), null);
        return accounts.execute(actor, account, command.apply(ctx), ctx);
    }

    private Overview view(AccountId account, FundingState state) {
        return Overview.of(account, state, contexts.clock().instant());
    }
}
