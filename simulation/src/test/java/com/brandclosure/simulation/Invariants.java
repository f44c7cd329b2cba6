package com.brandclosure.simulation;

import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.domain.Deadlines;
import com.brandclosure.closure.domain.Precondition;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.funding.domain.FundingAccountEvent;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.funding.domain.Payments;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.payouts.domain.LockHorizon;
import com.brandclosure.payouts.domain.LockSchedule;
import com.brandclosure.payouts.domain.LockingSettings;
import com.brandclosure.payouts.domain.PayoutsSummary;
import com.brandclosure.events.SummaryEvent;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.kernel.AccountId;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What must hold for every seed, checked after every commit and at the end. Each check reads the
 * services' own state (their committed streams), never what the saga believes:
 * <ul>
 *   <li>safety: no AccountDeactivated while contracts-service has a contract not expired (or a switch
 *       pending), payouts-service a pending action, funding-service an insufficient account or
 *       catalog-service a live catalog; and none before the last lock date payouts-service knows;</li>
 *   <li>no consumer applies the effect of one event id twice;</li>
 *   <li>money: no refund while payouts-service has an action pending or approved and not yet locked;
 *       for every closed account, deposits cleared − deposits returned − partner costs paid − fees paid −
 *       refund = 0, and the partner costs funding paid are exactly the costs of the actions payouts cleared;</li>
 *   <li>liveness (at the end, faults stopped and every timer fired): each brand is where its script leads.</li>
 * </ul>
 */
final class Invariants {

    private static final LockingSettings NO_SETTINGS = LockingSettings.defaults(Currency.getInstance("XXX"));

    private final World w;
    private final Map<String, Map<String, Integer>> effects = new HashMap<>();
    private final Set<String> deactivated = new HashSet<>();

    Invariants(World w) {
        this.w = w;
    }

    void afterCommit(SimStore store, List<Appended> appended) {
        for (Appended a : appended) {
            if (a.event() instanceof AccountClosureEvent.AccountDeactivated) {
                deactivationIsSafe(a.accountId());
                deactivated.add(a.accountId());
            }
            if (a.event() instanceof FundingAccountEvent.RefundIssued) {
                refundIsSafe(a.accountId());
            }
        }
    }

    void effect(Consumer consumer, String eventId) {
        int n = effects.computeIfAbsent(consumer.name, c -> new HashMap<>()).merge(eventId, 1, Integer::sum);
        if (n > 1) {
            fail("effect applied twice: " + consumer.name + " applied event " + eventId + " " + n + " times");
        }
    }

    private void deactivationIsSafe(String account) {
        List<String> broken = new ArrayList<>();
        boolean explained = true;
        Map<String, ContractState> contracts = states(w.contracts, account, ContractsGlue.CONTRACT);
        long notExpired = contracts.values().stream().filter(s -> !(s instanceof ContractState.Expired)).count();
        long switches = contracts.values().stream().mapToLong(s -> s.switches().size()).sum();
        if (notExpired > 0 || switches > 0) {
            broken.add("CONTRACTS_EXPIRED (" + notExpired + " not expired, " + switches + " switches pending)");
            explained &= sagaIgnoredOrMissed(account, Precondition.CONTRACTS_EXPIRED, Topics.CONTRACTS);
        }
        Map<String, ActionState> actions = states(w.payouts, account, "action:");
        long pending = actions.values().stream().filter(s -> s instanceof ActionState.Pending).count();
        if (pending > 0) {
            broken.add("PAYOUTS_SETTLED (" + pending + " actions pending)");
            explained &= sagaIgnoredOrMissed(account, Precondition.PAYOUTS_SETTLED, Topics.PAYOUTS);
        }
        FundingState funding = w.funding.state(FundingGlue.streamId(account), new FundingState.Unopened());
        if (funding instanceof FundingState.Active a && !a.sufficient(w.now)) {
            broken.add("FUNDING_SUFFICIENT (balance " + a.balance() + ", required " + a.requiredFunding(w.now)
                    + ", past due " + a.pastDueTotal() + ", blocked " + a.blocked().keySet() + ")");
            explained &= sagaIgnoredOrMissed(account, Precondition.FUNDING_SUFFICIENT, Topics.FUNDING);
        }
        Map<String, CatalogState> catalogs = states(w.catalog, account, CatalogGlue.CATALOG);
        long live = catalogs.values().stream().filter(s -> s instanceof CatalogState.Live).count();
        if (live > 0) {
            broken.add("CATALOGS_DELETED (" + live + " live catalogs)");
            explained &= sagaIgnoredOrMissed(account, Precondition.CATALOGS_DELETED, Topics.CATALOG);
        }
        Instant lastLock = lastLockAt(account, actions);
        if (lastLock != null && w.now.isBefore(lastLock)) {
            broken.add("the last lock date has not passed (it passes at " + lastLock + ")");
            // Payouts name a lock date only with a settled summary: a later one the saga ignored came with
            // its settled word, or with a pending one it also ignored.
            var sagaLock = saga(account).ledger().facts().lockDate();
            explained &= sagaLock.map(l -> l.passesAt().isAfter(w.now)).orElse(false)
                    || sagaIgnoredOrMissed(account, Precondition.PAYOUTS_SETTLED, Topics.PAYOUTS);
        }
        if (broken.isEmpty()) {
            return;
        }
        String message = "safety: AccountDeactivated for " + account + " at " + w.now + " while, by the sources' own "
                + "state, " + String.join("; ", broken);
        if (!explained) {
            fail(message);
        }
        // Every broken precondition is one the saga learned only once deactivating (and ignored), or had not
        // heard yet: the approval raced the source's retraction. The race the saga had before its fix (see README), named
        // apart so that every other rule keeps being checked on this seed.
        knownBugs.add(KNOWN_RACE + ": " + message);
        w.trace("KNOWN BUG " + KNOWN_RACE + ": " + message);
    }

    static final String KNOWN_RACE = "deactivating-ignores-retractions";

    /** Known bugs this seed ran into (each still checked against every other rule). */
    final List<String> knownBugs = new ArrayList<>();

    private AccountClosureState saga(String account) {
        return w.closure.state(ClosureGlue.streamId(account), AccountClosure.initial(AccountId.of(account)));
    }

    /** The saga holds the precondition as unmet (it heard the retraction while deactivating), or has not heard the source's last word. */
    private boolean sagaIgnoredOrMissed(String account, Precondition p, String topic) {
        boolean ignored = saga(account).ledger().facts().of(p).map(f -> !f.holds()).orElse(true);
        return ignored || sagaMissed(account, topic);
    }

    /** The source's latest summary on {@code topic} for the account is not yet in the saga consumer's inbox. */
    private boolean sagaMissed(String account, String topic) {
        Consumer summaries = w.consumers.stream().filter(c -> c.name.equals("closure-orchestrator:summary-events"))
                .findFirst().orElseThrow();
        List<Bus.Record> log = w.bus.log(topic + "|" + account);
        for (int i = log.size() - 1; i >= 0; i--) {
            if (log.get(i).event() instanceof SummaryEvent) {
                return !summaries.inbox.contains(log.get(i).eventId());
            }
        }
        return false;
    }

    /** When payouts' last lock date passes, by its own actions and contract ends (LockHorizon); null if none is ahead. */
    private Instant lastLockAt(String account, Map<String, ActionState> actions) {
        LocalDate latestApproved = null;
        for (ActionState s : actions.values()) {
            if (s instanceof ActionState.Approved a
                    && (latestApproved == null || a.details().lockDate().isAfter(latestApproved))) {
                latestApproved = a.details().lockDate();
            }
        }
        PayoutsSummary.State summary = w.payouts.state(PayoutsSummary.streamId(account), PayoutsSummary.State.initial());
        LocalDate last = LockHorizon.lastLockDate(latestApproved, summary.lastContractEnd(), NO_SETTINGS, w.now);
        return last == null ? null : LockSchedule.lockAt(last, NO_SETTINGS.zone());
    }

    private void refundIsSafe(String account) {
        Map<String, ActionState> actions = states(w.payouts, account, "action:");
        List<String> unsettled = new ArrayList<>();
        actions.forEach((id, s) -> {
            if (s instanceof ActionState.Pending || s instanceof ActionState.Approved) {
                unsettled.add(id + " " + s.name());
            }
        });
        if (!unsettled.isEmpty()) {
            fail("money: refund issued for " + account + " at " + w.now + " while payouts-service has unsettled actions "
                    + unsettled);
        }
    }

    /** The final checks, with faults stopped, everything delivered and every timer fired. */
    void atEnd() {
        for (Brands.Brand b : w.brands.all) {
            AccountClosureState saga = w.brands.saga(b);
            boolean overdue = Deadlines.DEFAULTS.overdue(saga, w.now);
            boolean mustClose = b.goal == Brands.Goal.CLOSE || deactivated.contains(b.account);
            String expected = mustClose ? "AccountClosed" : b.goal == Brands.Goal.CANCEL ? "ClosureCancelled"
                    : "NotInitiated";
            if (!saga.name().equals(expected)) {
                fail("liveness: " + b.account + " (scripted " + b.goal + ") ended in " + saga.name() + ", not "
                        + expected + (overdue ? " (flagged overdue)" : " (and not flagged overdue)")
                        + "; saga facts unmet " + saga.ledger().facts().unmet());
            }
            if (saga instanceof AccountClosureState.AccountClosed) {
                moneyBalances(b.account);
            }
        }
    }

    private void moneyBalances(String account) {
        FundingState funding = w.funding.state(FundingGlue.streamId(account), new FundingState.Unopened());
        if (!(funding instanceof FundingState.Closed)) {
            fail("money: " + account + " is closed but its funding account is " + funding.getClass().getSimpleName());
        }
        SimStore.Stored stream = w.funding.streams.get(FundingGlue.streamId(account));
        Map<String, Long> clearedDeposits = new HashMap<>();
        long cleared = 0;
        long returned = 0;
        long costsPaid = 0;
        long feesPaid = 0;
        long refund = 0;
        Set<String> charges = new HashSet<>();
        for (Object e : stream.events) {
            switch (e) {
                case FundingAccountEvent.DepositCleared c -> {
                    cleared += c.amount().minor();
                    clearedDeposits.put(c.depositId(), c.amount().minor());
                }
                case FundingAccountEvent.DepositFailed f when clearedDeposits.containsKey(f.depositId()) ->
                        returned += f.amount().minor();
                case FundingAccountEvent.ChargeBilled c -> charges.add(c.chargeId());
                case FundingAccountEvent.CostPaid c -> costsPaid += c.amount().minor();
                case FundingAccountEvent.ChargePaid c -> feesPaid += c.amount().minor();
                case FundingAccountEvent.PastDuePaid p -> {
                    // What was overdue and paid later: a fee, a partner cost, or the part of a returned ACH
                    // debit the balance could not give back (already counted in full as returned).
                    if (charges.contains(p.paymentId())) {
                        feesPaid += p.amount().minor();
                    } else if (!p.paymentId().startsWith(Payments.returnPaymentId(""))) {
                        costsPaid += p.amount().minor();
                    }
                }
                case FundingAccountEvent.RefundIssued r -> refund += r.amount().minor();
                default -> {
                }
            }
        }
        long rest = cleared - returned - costsPaid - feesPaid - refund;
        if (rest != 0 || refund < 0) {
            fail("money: closed account " + account + ": deposits cleared " + cleared + " - returned " + returned
                    + " - partner costs paid " + costsPaid + " - fees paid " + feesPaid + " - refund " + refund
                    + " = " + rest);
        }
        long clearedActions = 0;
        for (ActionState s : this.<ActionState>states(w.payouts, account, "action:").values()) {
            if (s instanceof ActionState.Cleared c) {
                clearedActions += c.details().cost().minor();
            } else if (s instanceof ActionState.Pending || s instanceof ActionState.Approved
                    || s instanceof ActionState.Locked) {
                fail("money: closed account " + account + " still has action " + s.name() + " " + s);
            }
        }
        if (clearedActions != costsPaid) {
            fail("money: closed account " + account + ": payouts cleared actions worth " + clearedActions
                    + " but funding paid partner costs of " + costsPaid);
        }
    }

    private <S> Map<String, S> states(SimStore store, String account, String prefix) {
        return new Unit(store, w.now, "check", "check").states(account, prefix);
    }

    private void fail(String message) {
        throw new World.Violation(message);
    }
}
