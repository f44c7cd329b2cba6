package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureStatus;
import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.domain.Deadlines;
import com.brandclosure.closure.domain.Fact;
import com.brandclosure.closure.domain.Fences;
import com.brandclosure.closure.domain.Forecast;
import com.brandclosure.closure.domain.Initiation;
import com.brandclosure.closure.domain.LockDate;
import com.brandclosure.closure.domain.Precondition;
import com.brandclosure.closure.domain.Reports;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Response bodies of the closure API. */
public final class Responses {

    private Responses() {
    }

    /**
     * A closure as brand admins and support see it: state, version (the evidence an approval must
     * name), each precondition with the event that last spoke on it, the lock date, and what the
     * closure waits on since when and until when (its deadline; {@code overdue} once past it). While
     * Deactivating, {@code fences}: each service that fenced the account with the time it did,
     * and {@code missingFences}: those it still waits for (both empty in every other state).
     * {@code zone} / {@code currency}: the account's time zone and currency as payouts decided them
     * (null until the saga learnt them; the closure date and the forecast are then dated in the last
     * lock date's offset, or UTC). {@code drifts}: what reconciliations found the saga had wrong since the
     * closure was initiated, oldest first (each was corrected by the fact recorded with it); empty when none did.
     */
    public record ClosureView(String accountId, String state, long version, String initiatedBy, String reason,
                              Instant initiatedAt, List<PreconditionView> preconditions, LocalDate lastLockDate,
                              Instant lockDatePassesAt, List<String> waitingOn, Instant since, Instant until,
                              boolean overdue, String ticketId, List<String> rejectionReasons, String approvedBy,
                              LocalDate closureDate, String cancelledBy, String cancellationReason,
                              Map<String, Instant> fences, List<String> missingFences,
                              ReportsView stateReports, ForecastView forecast, String zone, String currency,
                              List<DriftView> drifts) {

        /**
         * One drift: which source, what differed ({@code KIND}, {@code LAST_LOCK_DATE}, {@code MISSING}), the
         * saga's word before (null fields: it had none) and the source's answer, each as the summary's kind, its
         * source version and (payouts) the last lock date it named; {@code at}: when the answer arrived.
         */
        public record DriftView(String source, String differs, String sagaHad, Long sagaHadVersion,
                                LocalDate sagaHadLastLockDate, String sourceSays, long sourceSaysVersion,
                                LocalDate sourceSaysLastLockDate, Instant at) {

            static DriftView of(AccountClosureEvent.DriftDetected d) {
                var had = d.sagaHad();
                return new DriftView(d.source().name(), d.differs(), had == null ? null : had.kind(),
                        had == null ? null : had.sourceVersion(), had == null ? null : had.lastLockDate(),
                        d.sourceSays().kind(), d.sourceSays().sourceVersion(), d.sourceSays().lastLockDate(), d.at());
            }
        }

        /**
         * The state reports asked for last: for which closure id, why (INITIATION, REVIEW_REQUESTED), when,
         * which sources answered and which not yet. Null before any was asked for.
         */
        public record ReportsView(String closureId, String reason, Instant requestedAt, List<String> reported,
                                  List<String> missing) {
        }

        /**
         * While Preparing: what is still open per precondition (count: active contracts, pending actions,
         * catalogs present; amountMinor: funding shortfall) and the earliest day (in the account's zone) the closure could be
         * requested if all of it were settled today. Null in every other state.
         */
        public record ForecastView(List<OpenView> open, LocalDate earliestRequestDate) {
        }

        public record OpenView(String name, boolean holds, Long count, Long amountMinor, boolean reported) {
        }

        /**
         * One precondition: whether it holds, and the source event that said so last (null fields: none yet);
         * {@code sourceVersion} is that event's place in the source's sequence (0: recorded before sources
         * published it).
         */
        public record PreconditionView(String name, boolean holds, String sourceEventId, Instant sourceOccurredAt,
                                       String sourceTopic, Integer sourcePartition, Long sourceOffset,
                                       Long sourceVersion, List<BlockerView> blockers) {
        }

        /** Why a precondition waits besides the amounts, as its source named it (e.g. a cost funding cannot book). */
        public record BlockerView(String kind, String id, String reason) {
        }

        public static ClosureView of(AccountClosureState state, Deadlines deadlines, Instant now) {
            ClosureStatus status = ClosureStatus.of(state, deadlines);
            Initiation initiation = AccountClosure.initiation(state);
            List<PreconditionView> preconditions = new ArrayList<>();
            for (Precondition p : Precondition.values()) {
                Fact f = state.ledger().facts().of(p).orElse(null);
                preconditions.add(f == null
                        ? new PreconditionView(p.name(), false, null, null, null, null, null, null, List.of())
                        : new PreconditionView(p.name(), f.holds(), f.source().eventId(), f.source().occurredAt(),
                        f.source().topic(), f.source().partition(), f.source().offset(),
                        f.source().sourceVersion(), f.blockers().stream()
                        .map(b -> new BlockerView(b.kind(), b.id(), b.reason())).toList()));
            }
            LockDate lock = state.ledger().facts().lockDate().orElse(null);
            String ticket = null;
            List<String> rejection = List.of();
            String approver = null;
            LocalDate closureDate = null;
            String cancelledBy = null;
            String cancellation = null;
            Map<String, Instant> fences = Map.of();
            List<String> missingFences = List.of();
            switch (state) {
                case AccountClosureState.ClosureRequested r -> ticket = r.ticketId();
                case AccountClosureState.Preparing p -> rejection = p.rejectionReasons();
                case AccountClosureState.Deactivating d -> {
                    ticket = d.ticketId();
                    approver = d.approver();
                    closureDate = d.closureDate();
                    fences = d.fences();
                    missingFences = d.missingFences();
                }
                case AccountClosureState.AwaitingFinalSettlement d -> {
                    ticket = d.ticketId();
                    approver = d.approver();
                    closureDate = d.closureDate();
                }
                case AccountClosureState.AccountClosed c -> closureDate = c.closureDate();
                case AccountClosureState.ClosureCancelled c -> {
                    cancelledBy = c.cancelledBy();
                    cancellation = c.reason();
                }
                default -> {
                }
            }
            return new ClosureView(state.ledger().account().value(), state.name(), state.ledger().version(),
                    initiation == null ? null : initiation.initiatedBy(),
                    initiation == null ? null : initiation.reason(),
                    initiation == null ? null : initiation.at(), List.copyOf(preconditions),
                    lock == null ? null : lock.date(), lock == null ? null : lock.passesAt(), status.waitingOn(),
                    status.since(), status.until(), status.overdueAt(now), ticket, rejection, approver, closureDate,
                    cancelledBy, cancellation, fences, missingFences, reports(state), forecast(state, now),
                    state.ledger().locale() == null ? null : state.ledger().locale().zone().getId(),
                    state.ledger().locale() == null ? null : state.ledger().locale().currency(),
                    state.ledger().drifts().stream().map(DriftView::of).toList());
        }

        private static ReportsView reports(AccountClosureState state) {
            Reports r = state.ledger().reports();
            if (r.closureId() == null) {
                return null;
            }
            return new ReportsView(r.closureId(), r.reason(), r.requestedAt(),
                    Arrays.stream(Precondition.values()).filter(r.reported()::contains).map(Enum::name).toList(),
                    r.missing().stream().map(Enum::name).toList());
        }

        private static ForecastView forecast(AccountClosureState state, Instant now) {
            if (!(state instanceof AccountClosureState.Preparing)) {
                return null;
            }
            // Dated in the account's zone (payouts' AccountLocaleDecided), as the closure date is.
            Forecast f = Forecast.of(state, now);
            return new ForecastView(f.open().stream().map(o -> new OpenView(o.precondition().name(), o.holds(),
                    o.count(), o.amountMinor(), o.reported())).toList(), f.earliestRequestDate());
        }
    }
}
