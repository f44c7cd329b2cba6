package com.brandclosure.funding.web;

import com.brandclosure.funding.application.FundingService;
import com.brandclosure.funding.domain.DepositMethod;
import com.brandclosure.funding.domain.FundingAccount;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingState;
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
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/**
 * A brand's funding account: balance overview, deposits, charges (fees) and the final refund.
 * The actor of every command is the authenticated caller; the tenant check
 * ({@link Actor#requireAccess}) is made by {@link FundingService}.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/funding")
public class FundingController {

    private static final String ID = "[A-Za-z0-9._:-]{1,100}";
    private static final String CURRENCY = "[A-Z]{3}";
    private static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

    private final FundingService funding;
    private final CommandContexts contexts;

    public FundingController(FundingService funding, CommandContexts contexts) {
        this.funding = funding;
        this.contexts = contexts;
    }

    public record OpenRequest(@NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
    }

    public record DepositRequest(@Pattern(regexp = ID) String depositId, @NotNull DepositMethod method,
                                 @NotNull @Positive @Max(FundingAccount.MAX_AMOUNT_MINOR) Long amountMinor,
                                 @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
    }

    public record FailRequest(@NotBlank @Size(max = FundingAccount.MAX_TEXT_LENGTH) String reason) {
    }

    public record ChargeRequest(@Pattern(regexp = ID) String chargeId,
                                @NotNull @Positive @Max(FundingAccount.MAX_AMOUNT_MINOR) Long amountMinor,
                                @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
                                @NotNull LocalDate dueOn,
                                @NotBlank @Size(max = FundingAccount.MAX_TEXT_LENGTH) String description) {
    }

    /** Every part of Required Funding, so a brand sees why it is (in)sufficient. */
    public record Overview(String accountId, String status, String currency, long balanceMinor,
                           long pendingDepositsMinor, long pastDueMinor, long pendingPartnerCostsMinor,
                           long pendingFeesMinor, long pendingPaymentsMinor, long requiredFundingMinor,
                           boolean sufficient, LocalDate closureDate, long refundedMinor) {
    }

    public record Created(String id, Overview account) {
    }

    @GetMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS, Role.SERVICE})
    public Overview overview(@PathVariable String accountId) {
        AccountId account = AccountId.of(accountId);
        return view(account, funding.load(CurrentActor.get(), account).state());
    }

    @PutMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public Overview open(@PathVariable String accountId, @Valid @RequestBody OpenRequest r) {
        AccountId account = AccountId.of(accountId);
        Actor actor = CurrentActor.get();
        var state = funding.execute(actor, account,
                new FundingCommand.OpenAccount(account.value(), Money.currency(r.currency())), ctx(actor));
        return view(account, state);
    }

    @PostMapping("/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.SERVICE})
    public Created deposit(@PathVariable String accountId, @Valid @RequestBody DepositRequest r) {
        AccountId account = AccountId.of(accountId);
        Actor actor = CurrentActor.get();
        String id = r.depositId() != null ? r.depositId() : "dep-" + contexts.newId();
        var state = funding.execute(actor, account,
                new FundingCommand.ReceiveDeposit(id, r.method(), Money.of(r.amountMinor(), r.currency())), ctx(actor));
        return new Created(id, view(account, state));
    }

    /** The bank's callback: the deposit's money arrived. */
    @PostMapping("/deposits/{depositId}/clear")
    @Allow(Role.SERVICE)
    public Overview clear(@PathVariable String accountId, @PathVariable String depositId) {
        AccountId account = AccountId.of(accountId);
        Actor actor = CurrentActor.get();
        return view(account, funding.execute(actor, account, new FundingCommand.ClearDeposit(depositId),
                ctx(actor)));
    }

    /** The bank's callback: the deposit failed (e.g. an ACH return). */
    @PostMapping("/deposits/{depositId}/fail")
    @Allow(Role.SERVICE)
    public Overview fail(@PathVariable String accountId, @PathVariable String depositId,
                         @Valid @RequestBody FailRequest r) {
        AccountId account = AccountId.of(accountId);
        Actor actor = CurrentActor.get();
        return view(account, funding.execute(actor, account, new FundingCommand.FailDeposit(depositId, r.reason()),
                ctx(actor)));
    }

    /** Billing's callback: a fee billed to the account. */
    @PostMapping("/charges")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow(Role.SERVICE)
    public Created charge(@PathVariable String accountId, @Valid @RequestBody ChargeRequest r) {
        AccountId account = AccountId.of(accountId);
        Actor actor = CurrentActor.get();
        String id = r.chargeId() != null ? r.chargeId() : "fee-" + contexts.newId();
        var state = funding.execute(actor, account, new FundingCommand.BillCharge(id,
                Money.of(r.amountMinor(), r.currency()), r.dueOn(), r.description()), ctx(actor));
        return new Created(id, view(account, state));
    }

    /**
     * Authorizes the final refund of a deactivated account; the authorizing person is the
     * authenticated caller (recorded as {@code authorizedBy} and as the events' actor).
     */
    @PostMapping("/refund-authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public Created authorizeRefund(@PathVariable String accountId) {
        AccountId account = AccountId.of(accountId);
        Actor actor = CurrentActor.get();
        String refundId = "refund-" + contexts.newId();
        var state = funding.execute(actor, account, new FundingCommand.AuthorizeRefund("auth-" + contexts.newId(),
                refundId, actor.name()), ctx(actor));
        return new Created(refundId, view(account, state));
    }

    private CommandContext ctx(Actor actor) {
        return contexts.forActor(actor.name(), null);
    }

    private Overview view(AccountId account, FundingState state) {
        var now = contexts.clock().instant();
        return switch (state) {
            case FundingState.Unopened u -> throw new DomainException.NotFound("funding account " + account
                    + " not found");
            case FundingState.Closed c -> new Overview(account.value(), "CLOSED", c.currency().getCurrencyCode(), 0, 0,
                    0, 0, 0, 0, 0, true, null, c.refunded().minor());
            case FundingState.Active a -> new Overview(account.value(), "ACTIVE", a.currency().getCurrencyCode(),
                    a.balance().minor(), a.pendingDeposits().minor(), a.pastDueTotal().minor(),
                    a.pendingPartnerCosts().minor(), a.pendingFees(now).minor(), a.pendingPayments(now).minor(),
                    a.requiredFunding(now).minor(), a.sufficient(now), a.closureDate(), 0);
        };
    }
}
