package com.brandclosure.closure.application;

import com.brandclosure.closure.domain.AccountClosure;
import com.brandclosure.closure.domain.AccountClosureCommand;
import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.closure.domain.AccountClosureState;
import com.brandclosure.closure.domain.Reports;
import com.brandclosure.closure.persistence.ClosureProjection;
import com.brandclosure.events.StateReportRequested;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Stream;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reconciler's pass: every closure in flight (initiated, neither closed nor cancelled) asks the four
 * sources again for their current state reports, under the closure's reconciliation id
 * ({@link Reports#reconciliationIdOf}); the saga compares each answer with its fact when it arrives
 * ({@code AccountClosure.reconcile}: a drift is recorded as {@code DriftDetected}, and a later word is taken).
 * <p>
 * Nothing is stored for the request itself: the pass only publishes {@code StateReportRequested}
 * ({@code RECONCILIATION}) through each account's outbox, in units of work of {@link #PAGE} accounts. So a
 * pass is idempotent: two passes at once (the scheduled one and an operator's, or two instances' operators)
 * only ask twice, and the second answer agrees with the fact the first one left, which records nothing. The
 * scheduled pass runs on one instance at a time anyway ({@link ReconciliationTimer}).
 */
@Service
public class Reconciliation {

    /** Closures asked per unit of work (their accounts are locked together for the outbox's order). */
    static final int PAGE = 50;
    static final String ACTOR = "closure-orchestrator:reconciler";

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    private final CommandRunner runner;
    private final ClosureProjection closures;

    public Reconciliation(CommandRunner runner, ClosureProjection closures) {
        this.runner = runner;
        this.closures = closures;
    }

    /** What one pass did: when, and the accounts whose sources were asked. */
    public record Pass(Instant at, List<String> asked) {
    }

    /** Asks the sources of every closure in flight. */
    public Pass everyClosure(CommandContext ctx) {
        List<String> asked = new ArrayList<>();
        String after = null;
        while (true) {
            List<String> page = closures.inFlightAccounts(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            asked.addAll(ask(page, ctx));
            after = page.getLast();
        }
        if (!asked.isEmpty()) {
            log.info("reconciliation asked the sources of {} closures in flight", asked.size());
        }
        return new Pass(ctx.now(), List.copyOf(asked));
    }

    /** Asks the sources of {@code account}'s closure, if one is in flight (else asks nothing). */
    public Pass oneClosure(AccountId account, CommandContext ctx) {
        return new Pass(ctx.now(), ask(List.of(account.value()), ctx));
    }

    private List<String> ask(List<String> accounts, CommandContext ctx) {
        return runner.inAccounts(accounts, work -> {
            Map<String, String> streams = new LinkedHashMap<>();
            accounts.forEach(a -> streams.put(ClosureSaga.streamId(AccountId.of(a)), a));
            Map<String, Stream<AccountClosureCommand, AccountClosureState, AccountClosureEvent>> loaded =
                    work.loadAll(streams, id -> AccountClosure.decider(AccountId.of(streams.get(id))));
            List<String> asked = new ArrayList<>();
            loaded.forEach((streamId, saga) -> {
                AccountClosureState state = saga.state();
                String closureId = state.ledger().reports().closureId();
                // A closure initiated before closure ids existed has none to be answered under: it is left out.
                if (!inFlight(state) || closureId == null) {
                    return;
                }
                String account = streams.get(streamId);
                work.publish(Topics.CLOSURE, new StateReportRequested(account, Reports.reconciliationIdOf(closureId),
                        StateReportRequested.RECONCILIATION, ctx.now()), ctx.nextMetadata());
                asked.add(account);
            });
            return asked;
        });
    }

    /** Initiated and neither closed nor cancelled. */
    static boolean inFlight(AccountClosureState state) {
        return !(state instanceof AccountClosureState.NotInitiated)
                && !(state instanceof AccountClosureState.AccountClosed)
                && !(state instanceof AccountClosureState.ClosureCancelled);
    }
}
