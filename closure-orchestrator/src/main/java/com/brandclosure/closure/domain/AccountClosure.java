package com.brandclosure.closure.domain;

import com.brandclosure.closure.domain.AccountClosureCommand.ApproveFinalReview;
import com.brandclosure.closure.domain.AccountClosureCommand.CancelClosure;
import com.brandclosure.closure.domain.AccountClosureCommand.FireLockDateTimer;
import com.brandclosure.closure.domain.AccountClosureCommand.InitiateClosure;
import com.brandclosure.closure.domain.AccountClosureCommand.RecordFact;
import com.brandclosure.closure.domain.AccountClosureCommand.RecordFence;
import com.brandclosure.closure.domain.AccountClosureCommand.RecordRefund;
import com.brandclosure.closure.domain.AccountClosureCommand.RejectFinalReview;
import com.brandclosure.closure.domain.AccountClosureEvent.AccountClosed;
import com.brandclosure.closure.domain.AccountClosureEvent.AccountDeactivated;
import com.brandclosure.closure.domain.AccountClosureEvent.ClosureCancelled;
import com.brandclosure.closure.domain.AccountClosureEvent.ClosureInitiated;
import com.brandclosure.closure.domain.AccountClosureEvent.ClosureRequested;
import com.brandclosure.closure.domain.AccountClosureEvent.FenceConfirmed;
import com.brandclosure.closure.domain.AccountClosureEvent.FinalReviewApproved;
import com.brandclosure.closure.domain.AccountClosureEvent.FinalReviewRejected;
import com.brandclosure.closure.domain.AccountClosureEvent.LockDateScheduled;
import com.brandclosure.closure.domain.AccountClosureEvent.LockDateTimerCancelled;
import com.brandclosure.closure.domain.AccountClosureEvent.PreconditionMet;
import com.brandclosure.closure.domain.AccountClosureEvent.PreconditionRetracted;
import com.brandclosure.closure.domain.AccountClosureEvent.ReviewWithdrawn;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingFinalSettlement;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingLockDate;
import com.brandclosure.closure.domain.AccountClosureState.Deactivating;
import com.brandclosure.closure.domain.AccountClosureState.Ledger;
import com.brandclosure.closure.domain.AccountClosureState.NotInitiated;
import com.brandclosure.closure.domain.AccountClosureState.Preparing;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;

/**
 * The account closure saga as a decider ({@link #decider} builds the platform's
 * {@link Decider} of one account).
 * <p>
 * People's and sources' commands are decided first ({@link #decide}); then the saga takes its
 * automatic steps ({@link #nextSteps}) until the state asks for nothing more, so one command
 * can carry a closure as far as the facts allow (e.g. initiation with every fact known and the
 * lock date passed opens the review at once).
 */
public final class AccountClosure {

    /** Steps chain at most Preparing → AwaitingLockDate → ClosureRequested (or back); more means a bug. */
    private static final int MAX_AUTOMATIC_STEPS = 8;

    private AccountClosure() {
    }

    public static AccountClosureState initial(AccountId account) {
        return new NotInitiated(Ledger.empty(account));
    }

    /** The saga of {@code account} as the platform's decider (the initial state names the account). */
    public static Decider<AccountClosureCommand, AccountClosureState, AccountClosureEvent> decider(AccountId account) {
        return Decider.of(initial(account), AccountClosure::decide, AccountClosure::evolve);
    }

    public static AccountClosureState fold(AccountClosureState state, List<? extends AccountClosureEvent> events) {
        AccountClosureState s = state;
        for (AccountClosureEvent e : events) {
            s = evolve(s, e);
        }
        return s;
    }

    // ------------------------------------------------------------------------------------------
    // decide
    // ------------------------------------------------------------------------------------------

    public static List<AccountClosureEvent> decide(AccountClosureCommand command, AccountClosureState state) {
        return switch (command) {
            case InitiateClosure c -> thenAutomaticSteps(initiate(c, state), state, c.now());
            case CancelClosure c -> cancel(c, state);
            case RecordFact c -> thenAutomaticSteps(recordFact(c, state), state, c.now());
            case FireLockDateTimer c -> lockDateTimerFired(c, state);
            case ApproveFinalReview c -> thenAutomaticSteps(approve(c, state), state, c.now());
            case RejectFinalReview c -> reject(c, state);
            case RecordFence c -> thenAutomaticSteps(recordFence(c, state), state, c.now());
            case RecordRefund c -> refund(c, state);
            case AccountClosureCommand.RequestReview c -> thenAutomaticSteps(requestReview(c, state), state, c.now());
            case AccountClosureCommand.RecordLocale c -> recordLocale(c, state);
        };
    }

    private static List<AccountClosureEvent> initiate(InitiateClosure c, AccountClosureState s) {
        requireText(c.reason(), "a reason for the closure is required");
        return switch (s) {
            case NotInitiated n -> List.of(new ClosureInitiated(c.actor(), c.reason(), c.now()));
            // A cancelled closure may be started again; the facts gathered so far still count.
            case AccountClosureState.ClosureCancelled x -> List.of(new ClosureInitiated(c.actor(), c.reason(), c.now()));
            case AwaitingFinalSettlement x -> throw irreversible(s, "initiate");
            case AccountClosureState.AccountClosed x -> throw irreversible(s, "initiate");
            default -> throw new DomainException.Conflict("cannot initiate a closure of account " + account(s)
                    + ": a closure is already in progress (state " + s.name() + ")");
        };
    }

    /** Cancelling undoes the steps taken so far, newest first, each by its own compensation. */
    private static List<AccountClosureEvent> cancel(CancelClosure c, AccountClosureState s) {
        requireText(c.reason(), "a reason for the cancellation is required");
        var cancelled = new ClosureCancelled(c.actor(), c.reason(), c.now());
        return switch (s) {
            case NotInitiated n -> throw notFound(s);
            case AccountClosureState.ClosureCancelled x -> throw new DomainException.Conflict(
                    "cannot cancel the closure of account " + account(s) + ": it is already ClosureCancelled");
            case Preparing p -> List.of(cancelled);
            case AwaitingLockDate a -> List.of(
                    new LockDateTimerCancelled(a.scheduleVersion(), "closure cancelled", c.now()), cancelled);
            case AccountClosureState.ClosureRequested r -> List.of(
                    new ReviewWithdrawn(r.ticketId(), "closure cancelled", c.now()), cancelled);
            case Deactivating x -> throw irreversible(s, "cancel");
            case AwaitingFinalSettlement x -> throw irreversible(s, "cancel");
            case AccountClosureState.AccountClosed x -> throw irreversible(s, "cancel");
        };
    }

    /**
     * Keeps the latest word per precondition; a duplicate or an older word changes nothing. An answer
     * to the current state-report request is noted as such once per source, whatever its fact. An
     * answer to a reconciliation is compared instead ({@link #reconcile}).
     */
    private static List<AccountClosureEvent> recordFact(RecordFact c, AccountClosureState s) {
        Fact fact = c.fact();
        if (s instanceof AccountClosureState.AccountClosed) {
            return List.of();
        }
        if (s.ledger().reports().answersReconciliation(c.reportFor())) {
            return reconcile(c, s);
        }
        List<AccountClosureEvent> events = new ArrayList<>(2);
        if (s.ledger().facts().wouldChangeWith(fact)) {
            events.add(fact.holds() ? new PreconditionMet(fact, c.now()) : new PreconditionRetracted(fact, c.now()));
        }
        if (s.ledger().reports().awaits(c.reportFor(), fact.precondition())) {
            events.add(new AccountClosureEvent.StateReported(fact.precondition(), c.reportFor(), c.now()));
        }
        return List.copyOf(events);
    }

    /**
     * A source's answer to a reconciliation: its current word, later than anything it said before. It is a
     * drift only if it is later than the saga's fact and differs from it in what the saga acts on
     * ({@link Drift#between}); then the drift is recorded and the answer's fact after it, the same fact event
     * an unsolicited summary makes, so the automatic steps move the closure on or back as usual. Anything else
     * records nothing: an answer that agrees (however much later), and one older than the saga's fact (the
     * saga already holds a later word of that source, e.g. a summary that overtook a slow answer) — so a
     * reconciliation never changes the version a reviewer approves, never lifts the hold a rejection put on
     * the closure, and never stands in for the answers a review request waits for.
     */
    private static List<AccountClosureEvent> reconcile(RecordFact c, AccountClosureState s) {
        Fact reported = c.fact();
        Fact known = s.ledger().facts().of(reported.precondition()).orElse(null);
        if (known != null && !reported.source().isLaterThan(known.source())) {
            return List.of();
        }
        return Drift.between(known, reported, c.now()).<List<AccountClosureEvent>>map(differs -> List.of(
                new AccountClosureEvent.DriftDetected(reported.precondition(),
                        known == null ? null : AccountClosureEvent.DriftDetected.Word.of(known),
                        AccountClosureEvent.DriftDetected.Word.of(reported), differs, c.now()),
                reported.holds() ? new PreconditionMet(reported, c.now()) : new PreconditionRetracted(reported, c.now())))
                .orElse(List.of());
    }

    /**
     * The locale is decided once by payouts: the first word is kept, a repeat changes nothing, and a
     * word naming no valid zone is refused (it is dead-lettered rather than dating the closure in UTC).
     */
    private static List<AccountClosureEvent> recordLocale(AccountClosureCommand.RecordLocale c,
                                                          AccountClosureState s) {
        if (s.ledger().locale() != null) {
            return List.of();
        }
        try {
            ZoneId.of(c.zone());
        } catch (RuntimeException e) {
            throw new DomainException.BadRequest("account " + account(s) + ": '" + c.zone()
                    + "' is no time zone");
        }
        return List.of(new AccountClosureEvent.LocaleRecorded(c.currency(), c.zone(), c.now()));
    }

    /**
     * A new review may be asked for only after a rejection, while no review has opened since: the
     * closure is in Preparing with the rejection's reasons. Fresh state reports are asked for (the
     * publication does that), and the hold the rejection put on the closure is lifted, so the
     * automatic steps open the review again once all four sources answered this request, every
     * precondition holds and the lock date passed.
     */
    private static List<AccountClosureEvent> requestReview(AccountClosureCommand.RequestReview c,
                                                           AccountClosureState s) {
        if (s instanceof NotInitiated) {
            throw notFound(s);
        }
        if (isDeactivated(s)) {
            throw irreversible(s, "request a review of");
        }
        if (!(s instanceof Preparing p) || p.rejectionReasons().isEmpty()) {
            throw new DomainException.Conflict("cannot request a new review of the closure of account " + account(s)
                    + ": it is " + s.name() + ", and a new review may only be asked for after a rejected one");
        }
        return List.of(new AccountClosureEvent.ReviewRequested(c.actor(), c.now()));
    }

    /**
     * A timer for an outdated schedule (rescheduled, or the saga moved on) does nothing. A current
     * one re-checks everything through the automatic steps: a fact may have changed meanwhile.
     */
    private static List<AccountClosureEvent> lockDateTimerFired(FireLockDateTimer c, AccountClosureState s) {
        if (s instanceof Deactivating d && d.wakeAt() != null && s.ledger().schedules() == c.scheduleVersion()) {
            if (d.wakeAt().isAfter(c.now())) {
                return List.of(new LockDateScheduled(s.ledger().facts().lockDate().orElse(null), d.wakeAt(),
                        s.ledger().schedules() + 1, c.now()));
            }
            return thenAutomaticSteps(List.of(), s, c.now());
        }
        if (!(s instanceof AwaitingLockDate a) || a.scheduleVersion() != c.scheduleVersion()) {
            return List.of();
        }
        if (a.fireAt().isAfter(c.now())) {
            // Fired before its time (clocks differ between instances): set it again rather than lose it.
            return List.of(new LockDateScheduled(a.lockDate(), a.fireAt(), a.ledger().schedules() + 1, c.now()));
        }
        return thenAutomaticSteps(List.of(), s, c.now());
    }

    private static List<AccountClosureEvent> approve(ApproveFinalReview c, AccountClosureState s) {
        if (!(s instanceof AccountClosureState.ClosureRequested r)) {
            throw notUnderReview(s, "approve");
        }
        if (c.versionSeen() != s.ledger().version()) {
            throw new DomainException.Conflict("the closure of account " + account(s) + " changed since version "
                    + c.versionSeen() + " (it is now at version " + s.ledger().version()
                    + "): review the current evidence and approve that version");
        }
        if (c.approver().equals(r.initiation().initiatedBy())) {
            throw new ApproverIsInitiator(c.approver());
        }
        // The closure date is the day of the approval in the account's time zone (the day the fences go
        // up, which the deactivation carries): activity dated on or after it is refused.
        LocalDate closureDate = LocalDate.ofInstant(c.now(), s.ledger().accountZone());
        return List.of(new FinalReviewApproved(r.ticketId(), c.approver(), c.versionSeen(), c.now(), closureDate));
    }

    /**
     * A service's fence counts once, for the closure being deactivated (its ticket) and from one of
     * {@link Fences#SERVICES}; a duplicate, a late one (already deactivated) or a stray one changes nothing.
     */
    private static List<AccountClosureEvent> recordFence(RecordFence c, AccountClosureState s) {
        if (!(s instanceof Deactivating d) || !d.ticketId().equals(c.closureId())
                || !Fences.SERVICES.contains(c.service()) || d.fences().containsKey(c.service())) {
            return List.of();
        }
        return List.of(new FenceConfirmed(c.service(), c.closureId(), c.fencedAt(), c.now()));
    }

    private static List<AccountClosureEvent> reject(RejectFinalReview c, AccountClosureState s) {
        if (!(s instanceof AccountClosureState.ClosureRequested r)) {
            throw notUnderReview(s, "reject");
        }
        if (c.reasons().isEmpty() || c.reasons().stream().anyMatch(x -> x == null || x.isBlank())) {
            throw new DomainException.BadRequest("a rejection needs at least one reason, none blank");
        }
        return List.of(new FinalReviewRejected(r.ticketId(), c.reviewer(), c.reasons(), c.now()));
    }

    private static List<AccountClosureEvent> refund(RecordRefund c, AccountClosureState s) {
        // A refund only ends a deactivated closure; before that it is not the saga's business.
        return s instanceof AwaitingFinalSettlement
                ? List.of(new AccountClosed(c.refundId(), c.now()))
                : List.of();
    }

    // ------------------------------------------------------------------------------------------
    // the saga's automatic steps, each compensation next to the step it undoes
    // ------------------------------------------------------------------------------------------

    private static List<AccountClosureEvent> thenAutomaticSteps(List<AccountClosureEvent> decided,
                                                                AccountClosureState before, Instant now) {
        List<AccountClosureEvent> all = new ArrayList<>(decided);
        AccountClosureState s = fold(before, decided);
        for (int i = 0; i < MAX_AUTOMATIC_STEPS; i++) {
            List<AccountClosureEvent> next = nextSteps(s, now);
            if (next.isEmpty()) {
                return List.copyOf(all);
            }
            all.addAll(next);
            s = fold(s, next);
        }
        throw new IllegalStateException("closure of " + account(s) + " did not settle after "
                + MAX_AUTOMATIC_STEPS + " automatic steps: " + all);
    }

    /** What the state calls for at {@code now}, without any command. */
    static List<AccountClosureEvent> nextSteps(AccountClosureState s, Instant now) {
        Facts facts = s.ledger().facts();
        return switch (s) {
            // Step 1: every precondition holds -> wait for the last lock date.
            // After a review request, only once all four sources answered it: the review must see fresh reports.
            case Preparing p when facts.allHold() && !p.heldForNewEvidence() && !s.ledger().reports().awaitsReview() ->
                    List.of(scheduleLockDate(s.ledger(), now));
            // ... undone when a precondition is retracted while waiting.
            case AwaitingLockDate a when !facts.allHold() -> List.of(new LockDateTimerCancelled(a.scheduleVersion(),
                    "precondition no longer holds: " + facts.unmet(), now));
            // ... and redone when payouts name another lock date.
            case AwaitingLockDate a when !Objects.equals(facts.lockDate().orElse(null), a.lockDate()) ->
                    List.of(scheduleLockDate(s.ledger(), now));

            // Step 2: the lock date has passed -> open the support review.
            case AwaitingLockDate a when !a.fireAt().isAfter(now) ->
                    List.of(new ClosureRequested(ticketId(s.ledger()), now));
            // ... undone when a precondition is retracted during the review,
            case AccountClosureState.ClosureRequested r when !facts.allHold() -> List.of(new ReviewWithdrawn(
                    r.ticketId(), "precondition no longer holds: " + facts.unmet(), now));
            // ... or when payouts name a lock date that is still ahead (actions could change again).
            case AccountClosureState.ClosureRequested r when lockDateAhead(facts, now) -> List.of(new ReviewWithdrawn(
                    r.ticketId(), "a later lock date lies ahead: " + facts.lockDate().orElseThrow().date(), now));

            // Step 4: every service fenced the account -> deactivate it, if the evidence still holds. A source's
            // word published before its fence arrives before that fence (same topic, same key), so once the four
            // fences are in, the facts hold each source's last word from before it fenced: a retraction that raced
            // the approval (a catalog created, a conversion tracked, a contract signed before the fence went up)
            // keeps the closure Deactivating, named in what it waits on and overdue past its deadline, until the
            // precondition holds again — and a lock date it moved later has passed.
            case Deactivating d when d.missingFences().isEmpty() && facts.allHold() && !lockDateAhead(facts, now) ->
                    List.of(new AccountDeactivated(d.closureDate(), now));
            // ... a later lock date sets the lock-date timer to wake the closure when it passes.
            case Deactivating d when d.missingFences().isEmpty() && facts.allHold()
                    && !facts.lockDate().orElseThrow().passesAt().equals(d.wakeAt()) ->
                    List.of(scheduleLockDate(s.ledger(), now));

            // Step 3 is the reviewer's (approve/reject). Step 5, closing, waits for funding's RefundIssued
            // (issued with amount 0 when nothing is left): funding sends its sufficiency summary only when
            // it flips, so a zero balance in the last summary may be long out of date.
            default -> List.of();
        };
    }

    private static LockDateScheduled scheduleLockDate(Ledger ledger, Instant now) {
        LockDate lockDate = ledger.facts().lockDate().orElse(null);
        // No lock date ahead: nothing to wait for, the wait ends as it begins.
        Instant fireAt = lockDate == null ? now : lockDate.passesAt();
        return new LockDateScheduled(lockDate, fireAt, ledger.schedules() + 1, now);
    }

    private static boolean lockDateAhead(Facts facts, Instant now) {
        return facts.lockDate().map(l -> l.passesAt().isAfter(now)).orElse(false);
    }

    /**
     * The review ticket is named by the closure's one id (the state reports' {@code reportFor}, which the
     * fences confirm too): every review of one closure carries it. Closures initiated before closure ids
     * existed keep the former per-review ids (from the account and the review count, replay-stable).
     */
    private static String ticketId(Ledger ledger) {
        String closureId = ledger.reports().closureId();
        return closureId != null ? closureId : "CLS-" + ledger.account().value() + "-" + (ledger.reviews() + 1);
    }

    // ------------------------------------------------------------------------------------------
    // evolve
    // ------------------------------------------------------------------------------------------

    public static AccountClosureState evolve(AccountClosureState s, AccountClosureEvent e) {
        Ledger l = s.ledger().next();
        return switch (e) {
            case PreconditionMet m -> factChanged(s, l.withFacts(l.facts().with(m.fact())));
            case PreconditionRetracted r -> factChanged(s, l.withFacts(l.facts().with(r.fact())));
            case ClosureInitiated i -> new Preparing(l.withoutDrifts().withReports(Reports.requested(
                    Reports.closureIdOf(l.account().value(), l.version()), Reports.INITIATION, i.at())),
                    new Initiation(i.initiatedBy(), i.reason(), i.at()), i.at(), List.of(), false);
            case AccountClosureEvent.StateReported r -> s.withLedger(l.withReports(l.reports().with(r.source())));
            // The fact that follows it moves the closure; the drift itself is only remembered.
            case AccountClosureEvent.DriftDetected d -> s.withLedger(l.withDrift(d));
            case AccountClosureEvent.LocaleRecorded r -> s.withLedger(
                    l.withLocale(new AccountClosureState.AccountLocale(r.currency(), ZoneId.of(r.zone()))));
            case AccountClosureEvent.ReviewRequested r -> {
                var p = (Preparing) s;
                // Closures initiated before reports were asked for have no closure id yet: this event names it.
                String closureId = l.reports().closureId() != null ? l.reports().closureId()
                        : Reports.closureIdOf(l.account().value(), l.version());
                yield new Preparing(l.withReports(Reports.requested(closureId, Reports.REVIEW_REQUESTED, r.at())), p.initiation(), p.since(), p.rejectionReasons(), false);
            }
            // Deactivating waits for a lock date that moved later without leaving the state (the approval stands).
            case LockDateScheduled d when s instanceof Deactivating x -> new Deactivating(
                    l.withSchedules(d.scheduleVersion()), x.initiation(), x.since(), x.ticketId(), x.approver(),
                    x.closureDate(), x.fences(), d.fireAt());
            case LockDateScheduled d -> new AwaitingLockDate(l.withSchedules(d.scheduleVersion()), initiation(s),
                    s instanceof AwaitingLockDate a ? a.since() : d.at(), d.lockDate(), d.fireAt(),
                    d.scheduleVersion());
            case LockDateTimerCancelled c -> new Preparing(l, initiation(s), c.at(), List.of(), false);
            case ClosureRequested r -> new AccountClosureState.ClosureRequested(l.withReviews(l.reviews() + 1),
                    initiation(s), r.at(), r.ticketId());
            case ReviewWithdrawn w -> new Preparing(l, initiation(s), w.at(), List.of(), false);
            case FinalReviewRejected r -> new Preparing(l, initiation(s), r.at(), r.reasons(), true);
            case FinalReviewApproved a -> new Deactivating(l, initiation(s), a.at(), a.ticketId(), a.approver(),
                    a.closureDate(), java.util.Map.of(), null);
            case FenceConfirmed f -> {
                if (!(s instanceof Deactivating d)) {
                    yield s.withLedger(l);
                }
                var fences = new HashMap<>(d.fences());
                fences.put(f.service(), f.fencedAt());
                yield new Deactivating(l, d.initiation(), d.since(), d.ticketId(), d.approver(), d.closureDate(),
                        fences, d.wakeAt());
            }
            case AccountDeactivated d -> {
                var approved = (Deactivating) s;
                yield new AwaitingFinalSettlement(l, approved.initiation(), d.at(), approved.ticketId(),
                        approved.approver(), d.closureDate());
            }
            case ClosureCancelled c -> new AccountClosureState.ClosureCancelled(l, initiation(s), c.at(),
                    c.cancelledBy(), c.reason());
            case AccountClosed c -> new AccountClosureState.AccountClosed(l, initiation(s), c.at(),
                    ((AwaitingFinalSettlement) s).closureDate(), c.refundId());
        };
    }

    /** New evidence lifts the hold a rejection put on the closure. */
    private static AccountClosureState factChanged(AccountClosureState s, Ledger ledger) {
        if (s instanceof Preparing p && p.heldForNewEvidence()) {
            return new Preparing(ledger, p.initiation(), p.since(), p.rejectionReasons(), false);
        }
        return s.withLedger(ledger);
    }

    /** The lock-date timer a state waits on: its schedule version and when it is due. */
    public record LockDateWait(long scheduleVersion, Instant fireAt) {
    }

    /**
     * The lock-date timer {@code s} waits on, if any: while AwaitingLockDate, and while Deactivating for a
     * lock date that moved later (the application sets and removes the durable timer by this).
     */
    public static java.util.Optional<LockDateWait> lockDateWait(AccountClosureState s) {
        return switch (s) {
            case AwaitingLockDate a -> java.util.Optional.of(new LockDateWait(a.scheduleVersion(), a.fireAt()));
            case Deactivating d when d.wakeAt() != null ->
                    java.util.Optional.of(new LockDateWait(d.ledger().schedules(), d.wakeAt()));
            default -> java.util.Optional.empty();
        };
    }

    /** Who initiated the closure the state belongs to (null before any initiation). */
    public static Initiation initiation(AccountClosureState s) {
        return switch (s) {
            case NotInitiated n -> null;
            case Preparing p -> p.initiation();
            case AwaitingLockDate a -> a.initiation();
            case AccountClosureState.ClosureRequested r -> r.initiation();
            case Deactivating a -> a.initiation();
            case AwaitingFinalSettlement d -> d.initiation();
            case AccountClosureState.AccountClosed c -> c.initiation();
            case AccountClosureState.ClosureCancelled c -> c.initiation();
        };
    }

    // ------------------------------------------------------------------------------------------
    // refusals
    // ------------------------------------------------------------------------------------------

    private static String account(AccountClosureState s) {
        return s.ledger().account().value();
    }

    private static DomainException notFound(AccountClosureState s) {
        return new DomainException.NotFound("account " + account(s) + " has no closure");
    }

    private static DomainException irreversible(AccountClosureState s, String what) {
        return new DomainException.Conflict("cannot " + what + " the closure of account " + account(s)
                + ": it is " + s.name() + ", and deactivation is irreversible");
    }

    private static DomainException notUnderReview(AccountClosureState s, String what) {
        if (s instanceof NotInitiated) {
            return notFound(s);
        }
        if (isDeactivated(s)) {
            return irreversible(s, what);
        }
        return new DomainException.Conflict("cannot " + what + " the closure of account " + account(s)
                + ": it is " + s.name() + ", and only a closure in ClosureRequested is under review");
    }

    /** True once the approval was given: from here on only the final settlement may happen. */
    public static boolean isDeactivated(AccountClosureState s) {
        return s instanceof Deactivating || s instanceof AwaitingFinalSettlement
                || s instanceof AccountClosureState.AccountClosed;
    }

    private static void requireText(String text, String message) {
        if (text == null || text.isBlank()) {
            throw new DomainException.BadRequest(message);
        }
    }
}
