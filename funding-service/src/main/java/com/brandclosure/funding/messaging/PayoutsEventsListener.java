package com.brandclosure.funding.messaging;

import com.brandclosure.events.AccountLocaleDecided;
import com.brandclosure.events.ActionApproved;
import com.brandclosure.events.ActionCleared;
import com.brandclosure.events.ActionLocked;
import com.brandclosure.events.ActionModified;
import com.brandclosure.events.ActionRejected;
import com.brandclosure.events.ActionReversed;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.PayoutsPending;
import com.brandclosure.events.PayoutsSettled;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.application.FundingAccounts;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.inbox.MalformedMessageException;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.Money;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the accounts' partner costs in step with payouts-service. A poll is one unit of work; each
 * account's new events in it become one list of commands decided against one load of the account,
 * so a burst of 500 approvals for one brand costs one load, one append and one
 * {@code RequiredFundingChanged}. The currency and zone payouts-service decided for a brand open its
 * funding account (without a decision first, its first cost opens it in that currency); its summaries (settled or pending) tell the refund whether anything is unsettled.
 */
@Component
public class PayoutsEventsListener {

    static final List<Class<? extends IntegrationEvent>> FOLLOWED = List.of(ActionApproved.class,
            ActionModified.class, ActionReversed.class, ActionRejected.class, ActionLocked.class, ActionCleared.class,
            PayoutsSettled.class, PayoutsPending.class, AccountLocaleDecided.class);

    private final InboundBatches.Subscription subscription;

    public PayoutsEventsListener(InboundBatches inbound, FundingAccounts accounts, CommandContexts contexts) {
        subscription = inbound.subscribe("payouts-events", FOLLOWED, (account, events, work) -> {
            var ctx = contexts.causedBy(events.getLast(), "funding-service");
            accounts.executeEach(AccountId.of(account), commands(account, events, ctx.now()), ctx);
        });
    }

    /** The listener id is the consumer group funding-service has always used for this topic. */
    @KafkaListener(id = "funding-payouts", topics = Topics.PAYOUTS, batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        subscription.accept(records);
    }

    static List<FundingCommand> commands(String account, List<InboundEvent> events, Instant now) {
        List<FundingCommand> followed = new ArrayList<>(events.size());
        for (InboundEvent e : events) {
            try {
                followed.add(command(e.event(), now));
            } catch (IllegalArgumentException | NullPointerException invalid) {
                // The envelope decoded but the payload is no cost (an unknown currency, no clearing date).
                throw new MalformedMessageException("payouts event " + e.eventId() + " (" + e.envelope().type()
                        + ") is not a valid cost: " + invalid.getMessage(), invalid);
            }
        }
        List<FundingCommand> commands = new ArrayList<>(followed.size() + 1);
        // The account's currency and zone are those payouts-service decided; a cost opens the account in its own
        // currency only when no decision came with it (one seen earlier already opened the account).
        boolean decidedHere = events.stream().anyMatch(e -> e.event() instanceof AccountLocaleDecided);
        if (!decidedHere) {
            followed.stream().map(PayoutsEventsListener::cost).filter(m -> m != null).findFirst()
                    .ifPresent(m -> commands.add(new FundingCommand.OpenAccount(account, m.currency(), now)));
        }
        commands.addAll(followed);
        return commands;
    }

    private static FundingCommand command(IntegrationEvent event, Instant now) {
        return switch (event) {
            case ActionApproved a -> new FundingCommand.ApproveCost(a.actionId(), Money.of(a.costMinor(), a.currency()),
                    a.clearingDate(), clearingAt(a.clearingAt(), a.clearingDate()), now);
            case ActionModified m -> new FundingCommand.ChangeCost(m.actionId(), Money.of(m.costMinor(), m.currency()),
                    now);
            case ActionReversed r -> new FundingCommand.WithdrawCost(r.actionId(), "reversed: " + r.reason(), now);
            case ActionRejected r -> new FundingCommand.WithdrawCost(r.actionId(), "rejected: " + r.reason(), now);
            case ActionLocked l -> new FundingCommand.LockCost(l.actionId(), Money.of(l.costMinor(), l.currency()),
                    l.clearingDate(), clearingAt(l.clearingAt(), l.clearingDate()), now);
            case ActionCleared c -> new FundingCommand.PayCost(c.actionId(), now);
            // Adopted: opens the account in them, nothing if it is in them already, a named blocker if it is not.
            case AccountLocaleDecided d -> new FundingCommand.AdoptLocale(d.accountId(),
                    java.util.Currency.getInstance(d.currency()), java.time.ZoneId.of(d.zone()), now);
            // The refund waits while payouts-service reports anything unsettled.
            case PayoutsSettled s -> new FundingCommand.NotePayouts(true, now);
            case PayoutsPending p -> new FundingCommand.NotePayouts(false, now);
            default -> throw new IllegalArgumentException("not a followed payouts event: " + event);
        };
    }

    /** The amount of an approved or locked cost: the first one opens the brand's funding account in its currency. */
    private static Money cost(FundingCommand command) {
        return switch (command) {
            case FundingCommand.ApproveCost a -> a.amount();
            case FundingCommand.LockCost l -> l.amount();
            default -> null;
        };
    }

    /** Older events without {@code clearingAt}: the start of the clearing date in UTC. */
    private static Instant clearingAt(Instant clearingAt, LocalDate clearingDate) {
        return clearingAt != null ? clearingAt : clearingDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
