package com.brandclosure.funding.web;

import io.swagger.v3.oas.annotations.media.Schema;
import com.brandclosure.funding.domain.AmountPolicy;
import com.brandclosure.funding.domain.DepositMethod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/** The request bodies of funding-service, checked by Bean Validation before any use case runs. */
public final class Requests {

    /** Deposit and charge ids, given by the caller or generated. */
    public static final String ID = "[A-Za-z0-9._:-]{1,100}";
    public static final int MAX_TEXT_LENGTH = 500;
    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";

    private Requests() {
    }

    /** {@code zone}: the account's time zone id (fee due dates are days there); optional, UTC for a new account. */
    @Schema(example = "{\"currency\":\"EUR\"}")
    public record OpenAccount(@NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
                              @Size(max = 60) String zone) {
    }

    /**
     * Support's resolution of a blocked cost: {@code bookedAmountMinor} books it in the account's currency
     * (omitted: written off); {@code note} says why, for the audit trail.
     */
    public record ResolveBlockedCost(@Positive @Max(AmountPolicy.MAX_AMOUNT_MINOR) Long bookedAmountMinor,
                                     @NotBlank @Size(max = MAX_TEXT_LENGTH) String note) {
    }

    /** Support's resolution of the account's locale conflict (settled outside the account): {@code note} says how. */
    public record ResolveLocaleConflict(@NotBlank @Size(max = MAX_TEXT_LENGTH) String note) {
    }

    @Schema(example = "{\"method\":\"CARD\",\"amountMinor\":10000,\"currency\":\"EUR\"}")
    public record Deposit(@Pattern(regexp = ID) String depositId, @NotNull DepositMethod method,
                          @NotNull @Positive @Max(AmountPolicy.MAX_AMOUNT_MINOR) Long amountMinor,
                          @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
    }

    public record FailDeposit(@NotBlank @Size(max = MAX_TEXT_LENGTH) String reason) {
    }

    public record Charge(@Pattern(regexp = ID) String chargeId,
                         @NotNull @Positive @Max(AmountPolicy.MAX_AMOUNT_MINOR) Long amountMinor,
                         @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
                         @NotNull LocalDate dueOn,
                         @NotBlank @Size(max = MAX_TEXT_LENGTH) String description) {
    }
}
