package com.brandclosure.funding.messaging;

import com.brandclosure.events.AccountLocaleDecided;
import com.brandclosure.events.ActionApproved;
import com.brandclosure.events.ActionCleared;
import com.brandclosure.events.ActionLocked;
import com.brandclosure.events.ActionReversed;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.inbox.MalformedMessageException;
import com.brandclosure.platform.kernel.Money;
import com.brandclosure.platform.outbox.Envelope;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How payouts-service's events become the commands of one account's poll. */
class PayoutsEventsListenerTest {

    static final Instant NOW = Instant.parse("2031-03-10T10:00:00Z");
    static final LocalDate CLEARING = LocalDate.of(2031, 4, 1);

    static InboundEvent inbound(IntegrationEvent event) {
        var envelope = new Envelope("e-" + event.hashCode(), event.getClass().getSimpleName(), 1, "b-1", NOW,
                "payouts-service", null, null, null);
        return new InboundEvent(envelope, event, "payouts.events", 0, 0);
    }

    @Test
    void the_first_cost_opens_the_account_in_its_currency_then_every_event_becomes_its_command_in_order() {
        var commands = PayoutsEventsListener.commands("b-1", List.of(
                inbound(new ActionReversed("b-1", "a-0", "fraud")),
                inbound(new ActionLocked("b-1", "a-1", 400, "EUR", CLEARING, null)),
                inbound(new ActionApproved("b-1", "a-2", 500, "EUR", CLEARING.minusDays(5), CLEARING, null)),
                inbound(new ActionCleared("b-1", "a-1", 400, "EUR", CLEARING))), NOW);
        Instant startOfClearingDay = Instant.parse("2031-04-01T00:00:00Z");
        assertThat(commands).containsExactly(
                new FundingCommand.OpenAccount("b-1", Currency.getInstance("EUR"), NOW),
                new FundingCommand.WithdrawCost("a-0", "reversed: fraud", NOW),
                new FundingCommand.LockCost("a-1", Money.of(400, "EUR"), CLEARING, startOfClearingDay, NOW),
                new FundingCommand.ApproveCost("a-2", Money.of(500, "EUR"), CLEARING, startOfClearingDay, NOW),
                new FundingCommand.PayCost("a-1", NOW));
    }

    @Test
    void a_cost_in_an_unknown_currency_is_a_malformed_record() {
        assertThatThrownBy(() -> PayoutsEventsListener.commands("b-1", List.of(
                inbound(new ActionApproved("b-1", "a-1", 500, "QQQ", CLEARING.minusDays(5), CLEARING, null))), NOW))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("QQQ");
    }

    @Test
    void the_decided_currency_and_zone_open_the_account_and_a_cost_after_it_does_not_open_it_again() {
        var commands = PayoutsEventsListener.commands("b-1", List.of(
                inbound(new AccountLocaleDecided("b-1", "EUR", "Pacific/Auckland", NOW)),
                inbound(new ActionApproved("b-1", "a-2", 500, "USD", CLEARING.minusDays(5), CLEARING, null))), NOW);
        // A cost in another currency still becomes its command: the account keeps it blocked, never drops it.
        assertThat(commands).containsExactly(
                new FundingCommand.AdoptLocale("b-1", Currency.getInstance("EUR"), java.time.ZoneId.of("Pacific/Auckland"),
                        NOW),
                new FundingCommand.ApproveCost("a-2", Money.of(500, "USD"), CLEARING,
                        Instant.parse("2031-04-01T00:00:00Z"), NOW));
    }
}
