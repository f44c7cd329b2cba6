package com.brandclosure.closure.messaging;

import com.brandclosure.closure.domain.AccountClosureCommand;
import com.brandclosure.closure.domain.Fact;
import com.brandclosure.closure.domain.LockDate;
import com.brandclosure.closure.domain.Precondition;
import com.brandclosure.closure.domain.SourceEvent;
import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.AccountLocaleDecided;
import com.brandclosure.events.ActiveContractsPresent;
import com.brandclosure.events.CatalogsDeleted;
import com.brandclosure.events.CatalogsPresent;
import com.brandclosure.events.ContractsExpired;
import com.brandclosure.events.FundingInsufficient;
import com.brandclosure.events.FundingSufficient;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.events.PayoutsPending;
import com.brandclosure.events.PayoutsSettled;
import com.brandclosure.events.RefundIssued;
import com.brandclosure.events.SummaryEvent;
import com.brandclosure.platform.inbox.InboundEvent;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The source services' summary events (and their fence confirmations, {@code AccountFenced}, and
 * payouts' decision of the account's currency and zone, {@code AccountLocaleDecided}) as saga
 * commands; every other event on their topics is not the saga's.
 */
public final class SummaryEvents {

    /** The summary events the saga takes; {@link #toCommand} has a command for each. */
    static final List<Class<? extends IntegrationEvent>> TYPES = List.of(ContractsExpired.class,
            ActiveContractsPresent.class, PayoutsSettled.class, PayoutsPending.class, FundingSufficient.class,
            FundingInsufficient.class, CatalogsDeleted.class, CatalogsPresent.class, RefundIssued.class,
            AccountFenced.class, AccountLocaleDecided.class);

    /** Which service writes each source topic (kafka-access' ACLs), by the name it fences with. */
    static final java.util.Map<String, String> FENCING_SERVICE_BY_TOPIC = java.util.Map.of(
            com.brandclosure.events.Topics.CONTRACTS, "contracts-service", com.brandclosure.events.Topics.PAYOUTS,
            "payouts-service", com.brandclosure.events.Topics.FUNDING, "funding-service",
            com.brandclosure.events.Topics.CATALOG, "catalog-service");

    private SummaryEvents() {
    }

    /** The command for {@code event}, given the time it is decided at; empty for events the saga ignores. */
    public static Optional<Function<Instant, AccountClosureCommand>> toCommand(InboundEvent event) {
        // A refund is no summary: it has no source version (0), and nothing is ordered by it.
        long sourceVersion = event.event() instanceof SummaryEvent summary ? summary.sourceVersion() : 0;
        SourceEvent source = new SourceEvent(event.eventId(), event.envelope().occurredAt(), event.topic(),
                event.partition(), event.offset(), sourceVersion);
        Fact fact = switch (event.event()) {
            // What is still open at the source goes with each fact, for the forecast.
            case ContractsExpired e -> Fact.holds(Precondition.CONTRACTS_EXPIRED, source).withOpen(0L, null);
            case ActiveContractsPresent e ->
                    Fact.retracted(Precondition.CONTRACTS_EXPIRED, source).withOpen(e.activeContracts(), null);
            case PayoutsSettled e -> new Fact(Precondition.PAYOUTS_SETTLED, true, source, lockDate(e), null)
                    .withOpen(0L, null).withLastClearingAt(e.lastClearingAt());
            case PayoutsPending e ->
                    Fact.retracted(Precondition.PAYOUTS_SETTLED, source).withOpen(e.pendingActions(),
                            e.pendingAmountMinor());
            case FundingSufficient e -> new Fact(Precondition.FUNDING_SUFFICIENT, true, source, null, e.balanceMinor())
                    .withOpen(null, 0L);
            case FundingInsufficient e -> new Fact(Precondition.FUNDING_SUFFICIENT, false, source, null,
                    e.balanceMinor(), e.blockers().stream().map(b -> new Fact.Blocker(b.kind(), b.id(), b.reason())).toList())
                    .withOpen(null, shortfall(e));
            case CatalogsDeleted e -> Fact.holds(Precondition.CATALOGS_DELETED, source).withOpen(0L, null);
            case CatalogsPresent e -> Fact.retracted(Precondition.CATALOGS_DELETED, source).withOpen(e.catalogs(), null);
            default -> null;
        };
        if (fact != null) {
            String reportFor = event.event() instanceof SummaryEvent summary ? summary.reportFor() : null;
            return Optional.of(now -> new AccountClosureCommand.RecordFact(fact, now, reportFor));
        }
        if (event.event() instanceof AccountFenced fenced) {
            // A service confirms its own fence on its own topic (the broker lets only it write there):
            // a fence naming another service is not that service's word and counts for nothing.
            if (!fenced.service().equals(FENCING_SERVICE_BY_TOPIC.get(event.topic()))) {
                return Optional.empty();
            }
            return Optional.of(now -> new AccountClosureCommand.RecordFence(fenced.service(), fenced.closureId(),
                    fenced.fencedAt(), now));
        }
        if (event.event() instanceof AccountLocaleDecided locale) {
            // Only payouts decides the locale (the broker lets only it write payouts.events).
            if (!com.brandclosure.events.Topics.PAYOUTS.equals(event.topic())) {
                return Optional.empty();
            }
            return Optional.of(now -> new AccountClosureCommand.RecordLocale(locale.currency(), locale.zone(), now));
        }
        if (event.event() instanceof RefundIssued refund) {
            return Optional.of(now -> new AccountClosureCommand.RecordRefund(refund.refundId(), source, now));
        }
        return Optional.empty();
    }

    /**
     * What a deposit must bring for the account to be sufficient: the part of Required Funding the
     * balance does not cover, and at least the past-due amount (which is paid before anything else).
     */
    private static long shortfall(FundingInsufficient e) {
        return Math.max(Math.max(e.requiredMinor() - e.balanceMinor(), e.pastDueMinor()), 0);
    }

    /**
     * No lastLockDate: no lock date is ahead. A lastLockDate without lastLockAt (the account's
     * time zone unknown to the producer) is taken to pass at the end of that day in UTC.
     */
    private static LockDate lockDate(PayoutsSettled e) {
        if (e.lastLockDate() == null) {
            return null;
        }
        Instant passesAt = e.lastLockAt() != null ? e.lastLockAt()
                : e.lastLockDate().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new LockDate(e.lastLockDate(), passesAt);
    }
}
