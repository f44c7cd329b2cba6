package com.brandclosure.funding.web;

import com.brandclosure.funding.application.FundingService;
import com.brandclosure.funding.domain.DepositMethod;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.DomainException;
import com.brandclosure.platform.kernel.Money;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalDate;

/** A brand's funding account: balance overview, deposits, charges (fees) and the final refund. */
@RestController
@RequestMapping("/api/funding-accounts/{accountId}")
public class FundingController {

    private static final String ID = "[A-Za-z0-9._:-]{1,100}";

    private final FundingService funding;
    private final CommandContexts contexts;

    public FundingController(FundingService funding, CommandContexts contexts) {
        this.funding = funding;
        this.contexts = contexts;
    }

    public record OpenRequest(@NotBlank String currency) {
    }

    public record DepositRequest(@Pattern(regexp = ID) String depositId, @NotNull DepositMethod method,
                                 @NotNull Long amountMinor, @NotBlank String currency) {
    }

    public record FailRequest(@NotBlank @Size(max = 500) String reason) {
    }

    public record ChargeRequest(@Pattern(regexp = ID) String chargeId, @NotNull Long amountMinor,
                                @NotBlank String currency, @NotNull LocalDate dueOn,
                                @NotBlank @Size(max = 500) String description) {
    }

    public record RefundRequest(@NotBlank @Size(max = 200) String authorizedBy) {
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
    public Overview overview(@PathVariable String accountId) {
        return view(AccountId.of(accountId), funding.load(AccountId.of(accountId)).state());
    }

    @PutMapping
    public Overview open(@PathVariable String accountId, @Valid @RequestBody OpenRequest r,
                         @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        AccountId account = AccountId.of(accountId);
        var state = funding.execute(account,
                new FundingCommand.OpenAccount(account.value(), Money.currency(r.currency())), ctx(actor));
        return view(account, state);
    }

    @PostMapping("/deposits")
    @ResponseStatus(HttpStatus.CREATED)
    public Created deposit(@PathVariable String accountId, @Valid @RequestBody DepositRequest r,
                           @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        AccountId account = AccountId.of(accountId);
        CommandContext ctx = ctx(actor);
        String id = r.depositId() != null ? r.depositId() : "dep-" + contexts.newId();
        var state = funding.execute(account,
                new FundingCommand.ReceiveDeposit(id, r.method(), Money.of(r.amountMinor(), r.currency())), ctx);
        return new Created(id, view(account, state));
    }

    @PostMapping("/deposits/{depositId}/clear")
    public Overview clear(@PathVariable String accountId, @PathVariable String depositId,
                          @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        AccountId account = AccountId.of(accountId);
        return view(account, funding.execute(account, new FundingCommand.ClearDeposit(depositId), ctx(actor)));
    }

    @PostMapping("/deposits/{depositId}/fail")
    public Overview fail(@PathVariable String accountId, @PathVariable String depositId,
                         @Valid @RequestBody FailRequest r,
                         @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        AccountId account = AccountId.of(accountId);
        return view(account, funding.execute(account, new FundingCommand.FailDeposit(depositId, r.reason()),
                ctx(actor)));
    }

    @PostMapping("/charges")
    @ResponseStatus(HttpStatus.CREATED)
    public Created charge(@PathVariable String accountId, @Valid @RequestBody ChargeRequest r,
                          @RequestHeader(name = "X-Actor", defaultValue = "api") String actor) {
        AccountId account = AccountId.of(accountId);
        String id = r.chargeId() != null ? r.chargeId() : "fee-" + contexts.newId();
        var state = funding.execute(account, new FundingCommand.BillCharge(id, Money.of(r.amountMinor(), r.currency()),
                r.dueOn(), r.description()), ctx(actor));
        return new Created(id, view(account, state));
    }

    @PostMapping("/refund-authorizations")
    @ResponseStatus(HttpStatus.CREATED)
    public Created authorizeRefund(@PathVariable String accountId, @Valid @RequestBody RefundRequest r) {
        AccountId account = AccountId.of(accountId);
        String refundId = "refund-" + contexts.newId();
        var state = funding.execute(account, new FundingCommand.AuthorizeRefund("auth-" + contexts.newId(), refundId,
                r.authorizedBy()), ctx(r.authorizedBy()));
        return new Created(refundId, view(account, state));
    }

    private CommandContext ctx(String actor) {
        return contexts.forActor(actor, null);
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
