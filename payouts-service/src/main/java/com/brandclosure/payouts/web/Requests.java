package com.brandclosure.payouts.web;

import io.swagger.v3.oas.annotations.media.Schema;
import com.brandclosure.payouts.application.ReviewActions;
import com.brandclosure.payouts.domain.Action;
import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.domain.ReferencePeriod;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;

/** The request bodies of payouts-service's REST API, checked by Bean Validation (400 with {@code fieldErrors}). */
public final class Requests {

    /** An action, partner or contract id. */
    public static final String ID = "[A-Za-z0-9._:-]{1,100}";
    static final String CURRENCY = "[A-Z]{3}";
    static final String CURRENCY_MESSAGE = "must be an ISO 4217 code such as EUR";
    static final String STATES = "PENDING|APPROVED|REVERSED|LOCKED|CLEARED|REJECTED";

    private Requests() {
    }

    @Schema(example = "{\"actionId\":\"order-1001\",\"partnerId\":\"blogger-anna\",\"eventAt\":\"2026-03-10T10:00:00Z\",\"costMinor\":1250,\"currency\":\"EUR\"}")
    public record TrackRequest(@NotBlank @Pattern(regexp = ID) String actionId,
                               @NotBlank @Pattern(regexp = ID) String partnerId,
                               @Pattern(regexp = ID) String contractId,
                               @NotNull Instant eventAt, Instant reportedAt,
                               @NotNull @Positive @Max(Action.MAX_COST_MINOR) Long costMinor,
                               @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
    }

    @Schema(example = "{\"reason\":\"duplicate order\"}")
    public record ReasonRequest(@NotBlank @Size(max = Action.MAX_REASON_LENGTH) String reason) {
    }

    public record ModifyRequest(@NotNull @Positive @Max(Action.MAX_COST_MINOR) Long costMinor,
                                @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency,
                                @NotBlank @Size(max = Action.MAX_REASON_LENGTH) String reason) {
    }

    public enum Operation { APPROVE, REVERSE, MODIFY, RESTORE }

    @Schema(example = "{\"operation\":\"APPROVE\",\"actionIds\":[\"order-1001\",\"order-1002\"]}")
    public record BatchRequest(@NotNull Operation operation,
                               @NotEmpty @Size(max = ReviewActions.MAX_BATCH)
                               List<@NotBlank @Pattern(regexp = ID) String> actionIds,
                               @Size(max = Action.MAX_REASON_LENGTH) String reason,
                               @Positive @Max(Action.MAX_COST_MINOR) Long costMinor,
                               @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
    }

    @Schema(example = "{\"lockMonths\":0,\"lockDays\":1,\"referencePeriod\":\"DAY\",\"paymentSchedulingDays\":0,\"zone\":\"UTC\",\"currency\":\"EUR\"}")
    public record SettingsBody(@NotNull @Min(0) @Max(LockingSettings.MAX_LOCK_MONTHS) Integer lockMonths,
                               @NotNull @Min(0) @Max(LockingSettings.MAX_LOCK_DAYS) Integer lockDays,
                               @NotNull ReferencePeriod referencePeriod,
                               @NotNull @Min(0) @Max(LockingSettings.MAX_PAYMENT_SCHEDULING_DAYS)
                               Integer paymentSchedulingDays,
                               @NotBlank @Size(max = 64) String zone,
                               @NotBlank @Pattern(regexp = CURRENCY, message = CURRENCY_MESSAGE) String currency) {
    }
}
