package com.brandclosure.funding.application;

import com.brandclosure.events.ActionApproved;
import com.brandclosure.events.ActionCleared;
import com.brandclosure.events.ActionLocked;
import com.brandclosure.events.ActionModified;
import com.brandclosure.events.ActionRejected;
import com.brandclosure.events.ActionReversed;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.inbox.Inbox;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.Money;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Keeps the accounts' partner costs in step with payouts-service. A consumed batch is applied
 * in one transaction, one append per account: a burst of 500 approvals for one brand costs one
 * load, one append and one {@code RequiredFundingChanged}. Each event is applied once (inbox).
 */
@Service
public class PayoutsFollower {

    public static final String CONSUMER = "funding-payouts";

    private final FundingService funding;
    private final Inbox inbox;
    private final CommandContexts contexts;

    public PayoutsFollower(FundingService funding, Inbox inbox, CommandContexts contexts) {
        this.funding = funding;
        this.inbox = inbox;
        this.contexts = contexts;
    }

    public void follow(List<InboundEvent> events) {
        List<InboundEvent> relevant = events.stream().filter(e -> command(e).isPresent()).toList();
        if (relevant.isEmpty()) {
            return;
        }
        funding.retrying(() -> {
            funding.lockAccounts(new TreeSet<>(relevant.stream().map(InboundEvent::accountId).toList()));
            Map<String, List<InboundEvent>> byAccount = new LinkedHashMap<>();
            for (InboundEvent e : relevant) {
                if (!inbox.alreadyProcessed(CONSUMER, e.eventId())) {
                    byAccount.computeIfAbsent(e.accountId(), k -> new ArrayList<>()).add(e);
                }
            }
            byAccount.forEach((account, list) -> {
                List<FundingCommand> commands = new ArrayList<>();
                // payouts-service's first cost for a brand opens its funding account in that currency.
                list.stream().map(e -> cost(e.event())).flatMap(Optional::stream).findFirst()
                        .ifPresent(m -> commands.add(new FundingCommand.OpenAccount(account, m.currency())));
                list.forEach(e -> command(e).ifPresent(commands::add));
                var ctx = contexts.causedBy(list.getLast(), "funding-service");
                funding.applyConsumed(AccountId.of(account), commands, ctx);
                list.forEach(e -> inbox.processOnce(CONSUMER, e.eventId(), () -> { }));
            });
            return null;
        });
    }

    static Optional<FundingCommand> command(InboundEvent e) {
        return Optional.ofNullable(switch (e.event()) {
            case ActionApproved a -> new FundingCommand.ApproveCost(a.actionId(), Money.of(a.costMinor(), a.currency()),
                    a.clearingDate(), clearingAt(a.clearingAt(), a.clearingDate()));
            case ActionModified m -> new FundingCommand.ChangeCost(m.actionId(), Money.of(m.costMinor(), m.currency()));
            case ActionReversed r -> new FundingCommand.WithdrawCost(r.actionId(), "reversed: " + r.reason());
            case ActionRejected r -> new FundingCommand.WithdrawCost(r.actionId(), "rejected: " + r.reason());
            case ActionLocked l -> new FundingCommand.LockCost(l.actionId(), Money.of(l.costMinor(), l.currency()),
                    l.clearingDate(), clearingAt(l.clearingAt(), l.clearingDate()));
            case ActionCleared c -> new FundingCommand.PayCost(c.actionId());
            default -> null;
        });
    }

    private static Optional<Money> cost(Object event) {
        return switch (event) {
            case ActionApproved a -> Optional.of(Money.of(a.costMinor(), a.currency()));
            case ActionLocked l -> Optional.of(Money.of(l.costMinor(), l.currency()));
            default -> Optional.empty();
        };
    }

    /** Older events without {@code clearingAt}: the start of the clearing date in UTC. */
    private static Instant clearingAt(Instant clearingAt, LocalDate clearingDate) {
        return clearingAt != null ? clearingAt : clearingDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
