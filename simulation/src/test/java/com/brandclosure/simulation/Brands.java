package com.brandclosure.simulation;

import com.brandclosure.catalog.domain.CatalogState;
import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureCommand;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.funding.domain.DepositMethod;
import com.brandclosure.funding.domain.FundingAccount;
import com.brandclosure.funding.domain.FundingCommand;
import com.brandclosure.funding.domain.FundingState;
import com.brandclosure.funding.domain.RefundPolicy;
import com.brandclosure.payouts.domain.ActionCommand;
import com.brandclosure.payouts.domain.ActionState;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.kernel.Money;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;

/**
 * The people: each brand's admin, the tracking system reporting its partners' conversions, the payment
 * side answering its deposits, billing, and support. While faults are on they act at random (the ways
 * back: late actions, restores, new catalogs and contracts, failed ACH deposits, rejected reviews,
 * cancellations, refunds asked too early); once faults stop each brand works towards its scripted
 * goal ({@link #actTowardsGoal}), as a person following the console would. They read what the
 * services' own state shows (committed state only) and act through the services' use cases.
 */
final class Brands {

    /** Where a brand's script leads: closed, a cancelled closure, or no closure at all. */
    enum Goal { CLOSE, CANCEL, NEVER }

    static final Currency EUR = Currency.getInstance("EUR");
    static final String SUPPORT = "support-1";

    static final class Brand {
        final String account;
        final String admin;
        final Goal goal;
        final List<String> partners = new ArrayList<>();

        Brand(String account, Goal goal) {
            this.account = account;
            this.admin = "admin-" + account;
            this.goal = goal;
        }
    }

    private final World w;
    final List<Brand> all = new ArrayList<>();

    Brands(World w, int count) {
        this.w = w;
        for (int i = 1; i <= count; i++) {
            int r = w.rnd.nextInt(100);
            all.add(new Brand("brand-" + i, r < 70 ? Goal.CLOSE : r < 85 ? Goal.CANCEL : Goal.NEVER));
        }
    }

    void setup() {
        for (Brand b : all) {
            w.trace("brand " + b.account + " scripted to " + b.goal);
            fundingCommand(b.admin, b, "opens its funding account",
                    new FundingCommand.OpenAccount(b.account, EUR, ZoneOffset.UTC, w.now));
            int partners = 1 + w.rnd.nextInt(2);
            for (int p = 1; p <= partners; p++) {
                String partner = "p" + p;
                b.partners.add(partner);
                command(b, b.admin, w.contracts, "creates a contract with " + partner,
                        u -> w.services.contracts.create(u, b.account, partner));
            }
            for (int c = 0, n = 1 + w.rnd.nextInt(2); c < n; c++) {
                command(b, b.admin, w.catalog, "creates a catalog", u -> w.services.catalog.create(u, b.account));
            }
            String deposit = w.nextId("dep");
            fundingCommand(b.admin, b, "deposits 200.00 by card " + deposit, new FundingCommand.ReceiveDeposit(
                    deposit, DepositMethod.CARD, Money.of(20_000, "EUR"), w.now));
            fundingCommand("processor", b, "confirms " + deposit, new FundingCommand.ClearDeposit(deposit, w.now));
        }
        // Contract activations reach payouts before the first conversions (later ones may overtake them).
        while (w.deliver()) {
            // drain
        }
        for (Brand b : all) {
            for (int i = 0, n = 1 + w.rnd.nextInt(3); i < n; i++) {
                track(b, b.partners.get(w.rnd.nextInt(b.partners.size())), w.now.minusSeconds(3600));
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // while faults are on
    // ------------------------------------------------------------------------------------------

    void actAtRandom() {
        Brand b = all.get(w.rnd.nextInt(all.size()));
        var saga = saga(b);
        switch (w.rnd.nextInt(20)) {
            case 0, 1 -> {
                if (b.goal != Goal.NEVER) {
                    initiate(b);
                }
            }
            case 2, 3 -> {
                // A conversion, possibly reported late, possibly by a partner without a contract.
                String partner = w.rnd.nextInt(5) == 0 ? "p-none" : b.partners.get(w.rnd.nextInt(b.partners.size()));
                track(b, partner, w.now.minusSeconds(w.rnd.nextLong(0, 35L * 24 * 3600)));
            }
            case 4 -> review(b, ActionState.Pending.class, new ActionCommand.ApproveAction(), "approves");
            case 5 -> review(b, w.rnd.nextBoolean() ? ActionState.Pending.class : ActionState.Approved.class,
                    new ActionCommand.ReverseAction("duplicate conversion"), "reverses");
            case 6 -> one(actions(b, ActionState.Reversed.class)).ifPresent(id -> command(b, b.admin, w.payouts,
                    "restores " + id, u -> w.services.payouts.restore(u, b.account, List.of(id))));
            case 7 -> deposit(b, DepositMethod.values()[w.rnd.nextInt(3)], w.rnd.nextLong(1_000, 20_000));
            case 8 -> pendingDeposits(b).stream().findFirst().ifPresent(d -> fundingCommand("processor", b,
                    "confirms " + d, new FundingCommand.ClearDeposit(d, w.now)));
            case 9 -> {
                // The bank declines a request, or an ACH debit bounces after it was credited.
                List<String> failing = new ArrayList<>(pendingDeposits(b));
                failing.addAll(clearedAch(b));
                one(failing).ifPresent(d -> fundingCommand("processor", b, "fails " + d,
                        new FundingCommand.FailDeposit(d, "insufficient funds at the bank", w.now)));
            }
            case 10 -> command(b, b.admin, w.catalog, "creates a catalog", u -> w.services.catalog.create(u, b.account));
            case 11 -> one(liveCatalogs(b)).ifPresent(id -> command(b, b.admin, w.catalog, "deletes " + id,
                    u -> w.services.catalog.delete(u, b.account, id)));
            case 12 -> command(b, b.admin, w.contracts, "creates a contract with " + b.partners.getFirst(),
                    u -> w.services.contracts.create(u, b.account, b.partners.getFirst()));
            case 13 -> command(b, b.admin, w.contracts, "expires its contracts",
                    u -> w.services.contracts.expireAll(u, b.account));
            case 14 -> closureCommand(b.admin, b, "cancels the closure",
                    new AccountClosureCommand.CancelClosure(b.admin, "changed our mind", w.now));
            case 15 -> {
                if (saga instanceof AccountClosureState.ClosureRequested) {
                    approveReview(b, saga);
                }
            }
            case 16 -> closureCommand(SUPPORT, b, "rejects the review",
                    new AccountClosureCommand.RejectFinalReview(SUPPORT, List.of("evidence incomplete"), w.now));
            case 17 -> closureCommand(b.admin, b, "asks for a new review",
                    new AccountClosureCommand.RequestReview(b.admin, w.now));
            case 18 -> authorizeRefund(b);
            default -> {
                String charge = w.nextId("fee");
                LocalDate dueOn = LocalDate.ofInstant(w.now, ZoneOffset.UTC).plusDays(w.rnd.nextInt(60));
                fundingCommand("billing", b, "bills " + charge + " due " + dueOn, new FundingCommand.BillCharge(
                        charge, Money.of(w.rnd.nextLong(500, 3_000), "EUR"), dueOn, "platform fee", w.now));
            }
        }
    }

    // ------------------------------------------------------------------------------------------
    // once faults stopped
    // ------------------------------------------------------------------------------------------

    /** One step of one brand that still has something to do for its goal; false when none has. */
    boolean actTowardsGoal() {
        for (Brand b : all) {
            if (stepTowardsGoal(b)) {
                return true;
            }
        }
        return false;
    }

    private boolean stepTowardsGoal(Brand b) {
        var saga = saga(b);
        var pendingDeposit = pendingDeposits(b).stream().findFirst();
        if (pendingDeposit.isPresent()) {
            return fundingCommand("processor", b, "confirms " + pendingDeposit.get(),
                    new FundingCommand.ClearDeposit(pendingDeposit.get(), w.now));
        }
        boolean closing = b.goal == Goal.CLOSE || AccountClosure.isDeactivated(saga);
        if (b.goal == Goal.NEVER && !AccountClosure.isDeactivated(saga)) {
            return false;
        }
        if (saga instanceof AccountClosureState.NotInitiated
                || (closing && saga instanceof AccountClosureState.ClosureCancelled)) {
            return initiate(b);
        }
        if (!closing) {
            boolean cancellable = saga instanceof AccountClosureState.Preparing
                    || saga instanceof AccountClosureState.AwaitingLockDate
                    || saga instanceof AccountClosureState.ClosureRequested;
            return cancellable && closureCommand(b.admin, b, "cancels the closure",
                    new AccountClosureCommand.CancelClosure(b.admin, "not now", w.now));
        }
        // Before the deactivation, and while Deactivating waits on a precondition a late word retracted (the
        // console names it), the brand settles what is open.
        if (!AccountClosure.isDeactivated(saga) || saga instanceof AccountClosureState.Deactivating) {
            if (!openContracts(b).isEmpty()) {
                return command(b, b.admin, w.contracts, "expires its contracts",
                        u -> w.services.contracts.expireAll(u, b.account));
            }
            var catalog = liveCatalogs(b).stream().findFirst();
            if (catalog.isPresent()) {
                return command(b, b.admin, w.catalog, "deletes " + catalog.get(),
                        u -> w.services.catalog.delete(u, b.account, catalog.get()));
            }
        }
        // Pending actions are reviewed whatever the closure's state: the refund waits for them.
        var pending = actions(b, ActionState.Pending.class).stream().findFirst();
        if (pending.isPresent()) {
            return command(b, b.admin, w.payouts, "approves " + pending.get(), u -> w.services.payouts.review(u,
                    b.account, List.of(pending.get()), new ActionCommand.ApproveAction()));
        }
        if (funding(b) instanceof FundingState.Active a && !a.sufficient(w.now)) {
            long missing = a.requiredFunding(w.now).minor() + a.pastDueTotal().minor() - a.balance().minor();
            return deposit(b, DepositMethod.CARD, Math.max(missing, 0) + 1_000);
        }
        if (saga instanceof AccountClosureState.ClosureRequested) {
            return approveReview(b, saga);
        }
        if (saga instanceof AccountClosureState.Preparing p && p.heldForNewEvidence()) {
            return closureCommand(b.admin, b, "asks for a new review",
                    new AccountClosureCommand.RequestReview(b.admin, w.now));
        }
        if (saga instanceof AccountClosureState.AwaitingFinalSettlement && funding(b) instanceof FundingState.Active a
                && RefundPolicy.firstRejection(a).isEmpty()) {
            return authorizeRefund(b);
        }
        return false;
    }

    // ------------------------------------------------------------------------------------------
    // commands
    // ------------------------------------------------------------------------------------------

    private boolean initiate(Brand b) {
        return closureCommand(b.admin, b, "initiates the closure",
                new AccountClosureCommand.InitiateClosure(b.admin, "leaving the platform", w.now));
    }

    private boolean approveReview(Brand b, AccountClosureState saga) {
        return closureCommand(SUPPORT, b, "approves the review at version " + saga.ledger().version(),
                new AccountClosureCommand.ApproveFinalReview(SUPPORT, saga.ledger().version(), w.now));
    }

    private boolean authorizeRefund(Brand b) {
        return fundingCommand(SUPPORT, b, "authorizes the refund", new FundingCommand.AuthorizeRefund(
                w.nextId("auth"), w.nextId("refund"), SUPPORT, w.now));
    }

    private void track(Brand b, String partner, java.time.Instant eventAt) {
        String id = w.nextId("a");
        long cost = w.rnd.nextLong(100, 5_000);
        command(b, "tracking", w.payouts, "reports conversion " + id + " of " + partner + " at " + eventAt + " ("
                + cost + ")", u -> w.services.payouts.track(u, b.account, id, partner, eventAt, w.now,
                Money.of(cost, "EUR")));
    }

    private void review(Brand b, Class<? extends ActionState> in, ActionCommand command, String what) {
        one(actions(b, in)).ifPresent(id -> command(b, b.admin, w.payouts, what + " " + id,
                u -> w.services.payouts.review(u, b.account, List.of(id), command)));
    }

    private boolean deposit(Brand b, DepositMethod method, long minor) {
        String id = w.nextId("dep");
        return fundingCommand(b.admin, b, "deposits " + minor + " by " + method + " " + id,
                new FundingCommand.ReceiveDeposit(id, method, Money.of(minor, "EUR"), w.now));
    }

    /** A command of {@code actor} about brand {@code b}'s account (the trace names the account). */
    private boolean command(Brand b, String actor, SimStore store, String what, java.util.function.Consumer<Unit> work) {
        return w.command(actor, store, b.account + " " + what, work);
    }

    private boolean fundingCommand(String actor, Brand b, String what, FundingCommand command) {
        return command(b, actor, w.funding, what, u -> w.services.funding.execute(u, b.account, command));
    }

    private boolean closureCommand(String actor, Brand b, String what, AccountClosureCommand command) {
        return command(b, actor, w.closure, what, u -> w.services.closure.decide(u, b.account, command));
    }

    // ------------------------------------------------------------------------------------------
    // what the consoles show (committed state)
    // ------------------------------------------------------------------------------------------

    AccountClosureState saga(Brand b) {
        return w.closure.state(ClosureGlue.streamId(b.account), AccountClosure.initial(AccountId.of(b.account)));
    }

    FundingState funding(Brand b) {
        return w.funding.state(FundingGlue.streamId(b.account), FundingAccount.initial());
    }

    private <S> Map<String, S> committed(SimStore store, Brand b, String prefix) {
        return new Unit(store, w.now, "read", "read").states(b.account, prefix);
    }

    List<String> actions(Brand b, Class<? extends ActionState> state) {
        List<String> ids = new ArrayList<>();
        this.<ActionState>committed(w.payouts, b, "action:").forEach((id, s) -> {
            if (state.isInstance(s)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private List<String> liveCatalogs(Brand b) {
        List<String> ids = new ArrayList<>();
        this.<CatalogState>committed(w.catalog, b, CatalogGlue.CATALOG).forEach((id, s) -> {
            if (s instanceof CatalogState.Live) {
                ids.add(id);
            }
        });
        return ids;
    }

    private List<String> openContracts(Brand b) {
        List<String> ids = new ArrayList<>();
        this.<ContractState>committed(w.contracts, b, ContractsGlue.CONTRACT).forEach((id, s) -> {
            if (s instanceof ContractState.Active a && a.expiresAt() == null) {
                ids.add(id);
            }
        });
        return ids;
    }

    private List<String> pendingDeposits(Brand b) {
        return deposits(b, d -> d.status() == FundingState.DepositStatus.PENDING);
    }

    private List<String> clearedAch(Brand b) {
        return deposits(b, d -> d.status() == FundingState.DepositStatus.CLEARED && d.method() == DepositMethod.ACH);
    }

    private List<String> deposits(Brand b, java.util.function.Predicate<FundingState.Deposit> test) {
        List<String> ids = new ArrayList<>();
        if (funding(b) instanceof FundingState.Active a) {
            a.deposits().forEach((id, d) -> {
                if (test.test(d)) {
                    ids.add(id);
                }
            });
        }
        return ids;
    }

    private java.util.Optional<String> one(List<String> ids) {
        return ids.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(ids.get(w.rnd.nextInt(ids.size())));
    }
}
