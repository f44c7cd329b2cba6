package com.brandclosure.payouts.application;

import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.Money;

import java.time.Instant;

/** A tracked conversion to record; {@code ctx} is the context of the message that brought it (null: the batch's). */
public record Conversion(AccountId accountId, String actionId, String partnerId, String contractId,
                         Instant eventAt, Instant reportedAt, Money cost, CommandContext ctx) {
}
