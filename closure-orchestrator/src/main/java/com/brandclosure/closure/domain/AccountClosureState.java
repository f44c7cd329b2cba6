package com.brandclosure.closure.domain;

import com.brandclosure.platform.kernel.Personal;
import com.brandclosure.platform.kernel.AccountId;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The states of a closure, one type per state. Every state carries the {@link Ledger}: what the
 * saga knows whatever its state (facts, counters, its own version).
 */
public sealed interface AccountClosureState {

    Ledger ledger();

    AccountClosureState withLedger(Ledger ledger);

    /** The state's name as the API and error messages show it. */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * @param account   the brand account being closed
     * @param version   how many events the saga has: the stream version, named by approvals
     * @param schedules how many lock-date schedules were made (the next schedule's version is one more)
     * @param reviews   how many reviews were opened (the next ticket's number is one more)
     * @param reports   the state reports asked for last (which closure, why) and who has answered
     * @param locale    the account's currency and zone as payouts decided them (null until the saga learns them)
     * @param drifts    every drift reconciliations found since the closure was initiated (a source's answer contradicting
     *                  the saga's fact), oldest first
     */
    record Ledger(AccountId account, long version, Facts facts, long schedules, int reviews, Reports reports,
                  AccountLocale locale, List<AccountClosureEvent.DriftDetected> drifts) {
        public Ledger {
            reports = reports == null ? Reports.NONE : reports;
            drifts = drifts == null ? List.of() : List.copyOf(drifts);
        }

        public Ledger(AccountId account, long version, Facts facts, long schedules, int reviews) {
            this(account, version, facts, schedules, reviews, Reports.NONE, null, List.of());
        }

        /**
         * The account's time zone: the one payouts decided; before the saga learnt it (closures of
         * accounts decided before the saga listened), the offset of the last lock date payouts named;
         * else UTC.
         */
        public ZoneId accountZone() {
            return locale != null ? locale.zone() : facts.accountZone();
        }

        Ledger withLocale(AccountLocale newLocale) {
            return new Ledger(account, version, facts, schedules, reviews, reports, newLocale, drifts);
        }

        public static Ledger empty(AccountId account) {
            return new Ledger(account, 0, Facts.none(), 0, 0);
        }

        Ledger next() {
            return new Ledger(account, version + 1, facts, schedules, reviews, reports, locale, drifts);
        }

        Ledger withFacts(Facts newFacts) {
            return new Ledger(account, version, newFacts, schedules, reviews, reports, locale, drifts);
        }

        Ledger withSchedules(long newSchedules) {
            return new Ledger(account, version, facts, newSchedules, reviews, reports, locale, drifts);
        }

        Ledger withReviews(int newReviews) {
            return new Ledger(account, version, facts, schedules, newReviews, reports, locale, drifts);
        }

        Ledger withReports(Reports newReports) {
            return new Ledger(account, version, facts, schedules, reviews, newReports, locale, drifts);
        }

        /** A new closure starts with no drift: the console flags a closure by the drifts found while it was in flight. */
        Ledger withoutDrifts() {
            return new Ledger(account, version, facts, schedules, reviews, reports, locale, List.of());
        }

        Ledger withDrift(AccountClosureEvent.DriftDetected drift) {
            var all = new java.util.ArrayList<>(drifts);
            all.add(drift);
            return new Ledger(account, version, facts, schedules, reviews, reports, locale, all);
        }
    }

    /** The account's one currency (ISO 4217) and one time zone, as payouts-service decided them. */
    record AccountLocale(String currency, ZoneId zone) {
    }

    /** No closure yet (or never): facts are gathered so that an initiation sees them. */
    record NotInitiated(Ledger ledger) implements AccountClosureState {
        public AccountClosureState withLedger(Ledger l) {
            return new NotInitiated(l);
        }
    }

    /**
     * Waiting for the preconditions. After a rejection ({@code heldForNewEvidence}) the saga does
     * not reopen a review on the same evidence: it waits for a source to say something new.
     */
    record Preparing(Ledger ledger, Initiation initiation, Instant since, @Personal List<String> rejectionReasons,
                     boolean heldForNewEvidence) implements AccountClosureState {
        public Preparing {
            rejectionReasons = List.copyOf(rejectionReasons);
        }

        public AccountClosureState withLedger(Ledger l) {
            return new Preparing(l, initiation, since, rejectionReasons, heldForNewEvidence);
        }
    }

    record AwaitingLockDate(Ledger ledger, Initiation initiation, Instant since, LockDate lockDate, Instant fireAt,
                            long scheduleVersion) implements AccountClosureState {
        public AccountClosureState withLedger(Ledger l) {
            return new AwaitingLockDate(l, initiation, since, lockDate, fireAt, scheduleVersion);
        }
    }

    record ClosureRequested(Ledger ledger, Initiation initiation, Instant since, String ticketId)
            implements AccountClosureState {
        public AccountClosureState withLedger(Ledger l) {
            return new ClosureRequested(l, initiation, since, ticketId);
        }
    }

    /**
     * Approved: every source service is asked to fence the account (refuse new activity) and
     * confirms it; {@code fences} holds each confirming service with the time it fenced. The
     * account is deactivated once all of {@link Fences#SERVICES} have. {@code closureDate} (the day
     * of the approval in the account's zone) is the date the deactivation will carry; null only in
     * streams stored before this state existed, where the deactivation followed at once.
     */
    record Deactivating(Ledger ledger, Initiation initiation, Instant since, String ticketId, @Personal String approver,
                        LocalDate closureDate, Map<String, Instant> fences, Instant wakeAt) implements AccountClosureState {
        public Deactivating {
            fences = Collections.unmodifiableSortedMap(new TreeMap<>(fences));
        }

        public AccountClosureState withLedger(Ledger l) {
            return new Deactivating(l, initiation, since, ticketId, approver, closureDate, fences, wakeAt);
        }

        /** The services that have not confirmed their fence yet, in {@link Fences#SERVICES} order. */
        public List<String> missingFences() {
            return Fences.SERVICES.stream().filter(service -> !fences.containsKey(service)).toList();
        }
    }

    /** Deactivated (irreversibly) and waiting for the final settlement: refund, or a zero balance. */
    record AwaitingFinalSettlement(Ledger ledger, Initiation initiation, Instant since, String ticketId,
                                   @Personal String approver, LocalDate closureDate) implements AccountClosureState {
        public AccountClosureState withLedger(Ledger l) {
            return new AwaitingFinalSettlement(l, initiation, since, ticketId, approver, closureDate);
        }
    }

    record AccountClosed(Ledger ledger, Initiation initiation, Instant since, LocalDate closureDate, String refundId)
            implements AccountClosureState {
        public AccountClosureState withLedger(Ledger l) {
            return new AccountClosed(l, initiation, since, closureDate, refundId);
        }
    }

    /** Cancelled by the brand; a new initiation starts over with the facts known. */
    record ClosureCancelled(Ledger ledger, Initiation initiation, Instant since, @Personal String cancelledBy, @Personal String reason)
            implements AccountClosureState {
        public AccountClosureState withLedger(Ledger l) {
            return new ClosureCancelled(l, initiation, since, cancelledBy, reason);
        }
    }
}
