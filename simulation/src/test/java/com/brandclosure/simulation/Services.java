package com.brandclosure.simulation;

import com.brandclosure.closure.messaging.ClosureMappings;
import com.brandclosure.closure.messaging.SummaryEvents;
import com.brandclosure.events.AccountDeactivated;
import com.brandclosure.events.ActiveContractsPresent;
import com.brandclosure.events.CatalogsPresent;
import com.brandclosure.events.ContractActivated;
import com.brandclosure.events.ContractExpired;
import com.brandclosure.events.ContractExpiryScheduled;
import com.brandclosure.events.FinalReviewApproved;
import com.brandclosure.events.FundingInsufficient;
import com.brandclosure.events.PayoutsPending;
import com.brandclosure.events.StateReportRequested;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.messaging.FundingMappings;
import com.brandclosure.platform.inbox.InboundEvent;
import com.brandclosure.platform.timers.TimerIds;

import java.time.LocalDate;
import java.util.List;

/**
 * The five services wired together: each consumer's subscription and what a poll of it does (their
 * listeners), and what each timer kind does when it fires. The mappings the services keep Spring-free
 * (the Publication classes, {@link SummaryEvents#toCommand}, funding's PayoutsEventsListener.commands)
 * are called, not copied.
 */
final class Services {

    /** The services as they are, or a deliberately broken wiring (only for the checker's own tests). */
    enum Variant {
        AS_BUILT,
        /** Consumers do not drop redeliveries: an effect may be applied twice. */
        NO_INBOX_DEDUP,
        /** The saga's consumer loses every word that a precondition no longer holds. */
        SAGA_IGNORES_RETRACTIONS
    }

    final World world;
    final Variant variant;
    final ContractsGlue contracts;
    final PayoutsGlue payouts;
    final FundingGlue funding;
    final CatalogGlue catalog;
    final ClosureGlue closure = new ClosureGlue();

    Services(World world, Variant variant) {
        this.world = world;
        this.variant = variant;
        this.contracts = new ContractsGlue(world);
        this.payouts = new PayoutsGlue(world);
        this.funding = new FundingGlue(world);
        this.catalog = new CatalogGlue(world);
    }

    void registerConsumers() {
        var w = world;
        // contracts-service
        w.consumer("contracts-service:closure-events", w.contracts, List.of(Topics.CLOSURE), World.CLOSURE_EVENTS,
                each((u, e) -> {
                    if (e.event() instanceof AccountDeactivated d) {
                        contracts.deactivate(u, d.accountId(), requireDate(d.closureDate(), e));
                    }
                }));
        w.consumer("contracts-service:closure-fence", w.contracts, List.of(Topics.CLOSURE), World.FENCE,
                each((u, e) -> {
                    var a = (FinalReviewApproved) e.event();
                    if (a.closureDate() != null) {
                        contracts.fence(u, a.accountId(), a.ticketId(), a.closureDate());
                    }
                }));
        w.consumer("contracts-service:state-reports", w.contracts, List.of(Topics.CLOSURE), World.STATE_REPORTS,
                each((u, e) -> contracts.report(u, e.accountId(), ((StateReportRequested) e.event()).closureId())));
        // payouts-service
        w.consumer("payouts-service:contracts-events", w.payouts, List.of(Topics.CONTRACTS),
                List.of(ContractActivated.class, ContractExpiryScheduled.class, ContractExpired.class),
                each((u, e) -> {
                    switch (e.event()) {
                        case ContractActivated a -> payouts.contractActivated(u, a.accountId(), a.contractId(),
                                a.partnerId(), a.activatedAt());
                        case ContractExpiryScheduled s -> payouts.contractEnds(u, s.accountId(), s.contractId(),
                                s.expiresAt());
                        case ContractExpired x -> payouts.contractExpired(u, x.accountId(), x.contractId(),
                                x.partnerId(), x.expiredAt());
                        default -> throw new IllegalStateException("not subscribed: " + e.event());
                    }
                }));
        w.consumer("payouts-service:closure-events", w.payouts, List.of(Topics.CLOSURE), World.CLOSURE_EVENTS,
                each((u, e) -> {
                    if (e.event() instanceof AccountDeactivated d) {
                        payouts.deactivate(u, d.accountId(), d.closureDate());
                    }
                }));
        w.consumer("payouts-service:closure-fence", w.payouts, List.of(Topics.CLOSURE), World.FENCE,
                each((u, e) -> {
                    var a = (FinalReviewApproved) e.event();
                    if (a.closureDate() != null) {
                        payouts.fence(u, a.accountId(), a.ticketId(), a.closureDate());
                    }
                }));
        w.consumer("payouts-service:state-reports", w.payouts, List.of(Topics.CLOSURE), World.STATE_REPORTS,
                each((u, e) -> payouts.report(u, e.accountId(), ((StateReportRequested) e.event()).closureId())));
        // funding-service
        w.consumer("funding-service:payouts-events", w.funding, List.of(Topics.PAYOUTS),
                FundingMappings.PAYOUTS_EVENTS_FOLLOWED,
                (u, account, events) -> funding.executeEach(u, account,
                        FundingMappings.fromPayoutsEvents(account, events, u.now)));
        w.consumer("funding-service:closure-events", w.funding, List.of(Topics.CLOSURE), World.CLOSURE_EVENTS,
                each((u, e) -> {
                    if (e.event() instanceof AccountDeactivated d) {
                        funding.executeEach(u, d.accountId(),
                                List.of(new FundingCommand.RecordDeactivation(d.closureDate(), u.now)));
                    }
                }));
        w.consumer("funding-service:closure-fence", w.funding, List.of(Topics.CLOSURE), World.FENCE,
                each((u, e) -> {
                    var a = (FinalReviewApproved) e.event();
                    if (a.closureDate() != null) {
                        funding.raiseFence(u, a.accountId(), a.ticketId());
                    }
                }));
        w.consumer("funding-service:state-reports", w.funding, List.of(Topics.CLOSURE), World.STATE_REPORTS,
                each((u, e) -> funding.execute(u, e.accountId(),
                        new FundingCommand.ReportState(((StateReportRequested) e.event()).closureId(), u.now))));
        // catalog-service
        w.consumer("catalog-service:closure-events", w.catalog, List.of(Topics.CLOSURE), World.CLOSURE_EVENTS,
                each((u, e) -> {
                    if (e.event() instanceof AccountDeactivated d) {
                        catalog.deactivate(u, d.accountId(), d.closureDate());
                    }
                }));
        w.consumer("catalog-service:closure-fence", w.catalog, List.of(Topics.CLOSURE), World.FENCE,
                each((u, e) -> {
                    var a = (FinalReviewApproved) e.event();
                    if (a.closureDate() != null) {
                        catalog.fence(u, a.accountId(), a.ticketId(), a.closureDate());
                    }
                }));
        w.consumer("catalog-service:state-reports", w.catalog, List.of(Topics.CLOSURE), World.STATE_REPORTS,
                each((u, e) -> catalog.report(u, e.accountId(), ((StateReportRequested) e.event()).closureId())));
        // closure-orchestrator
        w.consumer("closure-orchestrator:summary-events", w.closure,
                List.of(Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG),
                ClosureMappings.SUMMARY_TYPES,
                each((u, e) -> {
                    if (variant == Variant.SAGA_IGNORES_RETRACTIONS && (e.event() instanceof ActiveContractsPresent
                            || e.event() instanceof PayoutsPending || e.event() instanceof FundingInsufficient
                            || e.event() instanceof CatalogsPresent)) {
                        return;
                    }
                    SummaryEvents.toCommand(e).ifPresent(c -> closure.decide(u, e.accountId(), c.apply(u.now)));
                }));
    }

    /** What a timer of each kind does (the services' TimerHandlers). */
    void fire(Unit u, SimStore.Timer timer) {
        String account = TimerIds.accountOf(timer.id());
        switch (timer.kind()) {
            case ContractsGlue.EXPIRY_TIMER -> contracts.expireDue(u, timer.data());
            case PayoutsGlue.LOCK_TIMER -> payouts.lockDue(u, account, LocalDate.parse(TimerIds.keyOf(timer.id())));
            case PayoutsGlue.CLEAR_TIMER -> payouts.clearDue(u, account, LocalDate.parse(TimerIds.keyOf(timer.id())));
            case FundingGlue.DUE_TIMER -> funding.payDue(u, account);
            case ClosureGlue.LOCK_DATE_TIMER -> closure.lockDateTimer(u, account, timer.data());
            default -> throw new IllegalStateException("no handler for timer kind " + timer.kind());
        }
    }

    /** AccountHandler.each: the account's events one by one, in order, in the poll's unit. */
    private static Consumer.Handler each(java.util.function.BiConsumer<Unit, InboundEvent> handler) {
        return (u, account, events) -> events.forEach(e -> handler.accept(u, e));
    }

    private static LocalDate requireDate(LocalDate date, InboundEvent e) {
        if (date == null) {
            throw new IllegalArgumentException("AccountDeactivated " + e.eventId() + " has no closureDate");
        }
        return date;
    }
}
