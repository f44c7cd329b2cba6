package com.brandclosure.simulation;

import com.brandclosure.contracts.domain.AccountCommand;
import com.brandclosure.contracts.domain.AccountEvent;
import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractAccount;
import com.brandclosure.contracts.domain.ContractCommand;
import com.brandclosure.contracts.domain.ContractEvent;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.contracts.domain.ExpiryPolicy;
import com.brandclosure.contracts.domain.PartnerContract;
import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.timers.TimerIds;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * contracts-service's application layer over its deciders, as its use cases run them (ContractCommands,
 * BulkExpiry, ScheduledExpiry, Deactivation, Fencing, StateReport, AccountSummary): the read model's
 * counts are the contract streams' states as the unit sees them.
 */
final class ContractsGlue {

    static final String SERVICE = "contracts-service";
    static final String EXPIRY_TIMER = "contract-expiry";
    static final String CONTRACT = "contract-k";

    private final World world;

    ContractsGlue(World world) {
        this.world = world;
    }

    static String accountStream(String account) {
        return "contracts-account-" + account;
    }

    Unit.Handle<AccountCommand, AccountState, AccountEvent> account(Unit u, String account) {
        return u.load(account, accountStream(account), ContractAccount.decider(account));
    }

    private Unit.Handle<ContractCommand, ContractState, ContractEvent> contract(Unit u, String account, String stream) {
        return u.load(account, stream, PartnerContract.DECIDER);
    }

    /** AccountSummary.reconcile: the precondition from the counts, including this unit's changes. */
    void reconcile(Unit u, String account) {
        Map<String, ContractState> all = u.states(account, CONTRACT);
        long notExpired = all.values().stream().filter(s -> !(s instanceof ContractState.Expired)).count();
        long switches = all.values().stream().mapToLong(s -> s.switches().size()).sum();
        account(u, account).execute(new AccountCommand.Reconcile(notExpired, switches, u.now));
    }

    void create(Unit u, String account, String partner) {
        var acc = account(u, account);
        if (!acc.state().known()) {
            acc.execute(new AccountCommand.ConfigureAccount(account, AccountState.DEFAULT_TIME_ZONE, u.now));
        }
        ContractAccount.requireOpen(acc.state(), "a new contract");
        String id = world.nextId("k");
        contract(u, account, "contract-" + id).execute(new ContractCommand.CreateContract(id, account, partner,
                "https://brand.example/" + id, u.now));
        reconcile(u, account);
    }

    /** BulkExpiry: every open contract expires at the end of today (a timer per account and instant). */
    void expireAll(Unit u, String account) {
        AccountState acc = account(u, account).state();
        ContractAccount.requireKnown(acc);
        Instant expiresAt = ExpiryPolicy.expiresAt(LocalDate.ofInstant(u.now, acc.zone()), acc.zone(), u.now);
        var command = new ContractCommand.ExpireContract(expiresAt, "closing the account", true, u.now);
        int scheduled = 0;
        for (String id : u.<ContractState>streamsWhere(account, CONTRACT, s -> !(s instanceof ContractState.Expired))) {
            for (ContractEvent e : contract(u, account, id).execute(command)) {
                scheduled += e instanceof ContractEvent.ContractExpiryScheduled ? 1 : 0;
            }
        }
        if (scheduled > 0) {
            u.schedule(EXPIRY_TIMER, TimerIds.of(account, Long.toString(expiresAt.getEpochSecond())), expiresAt,
                    account);
        }
        reconcile(u, account);
    }

    /** ScheduledExpiry: every contract whose expiry is due expires; idempotent. */
    void expireDue(Unit u, String account) {
        var command = new ContractCommand.FireScheduledExpiry(u.now);
        for (String id : u.<ContractState>streamsWhere(account, CONTRACT, s -> s instanceof ContractState.Active a
                && a.expiresAt() != null && !a.expiresAt().isAfter(u.now))) {
            contract(u, account, id).execute(command);
        }
        reconcile(u, account);
    }

    /** Deactivation: fence, expire whatever is still active, withdraw pending switches. */
    void deactivate(Unit u, String account, LocalDate closureDate) {
        account(u, account).execute(new AccountCommand.Deactivate(account, closureDate, u.now));
        var command = new ContractCommand.ExpireOnDeactivation(u.now);
        for (String id : u.<ContractState>streamsWhere(account, CONTRACT,
                s -> s instanceof ContractState.Active || !s.switches().isEmpty())) {
            contract(u, account, id).execute(command);
        }
        reconcile(u, account);
    }

    void fence(Unit u, String account, String closureId, LocalDate closureDate) {
        boolean alreadyFenced = account(u, account).state().deactivated();
        deactivate(u, account, closureDate);
        if (!alreadyFenced) {
            u.publish(Topics.CONTRACTS, new AccountFenced(account, closureId, SERVICE, u.now));
        }
    }

    void report(Unit u, String account, String closureId) {
        Map<String, ContractState> all = u.states(account, CONTRACT);
        long notExpired = all.values().stream().filter(s -> !(s instanceof ContractState.Expired)).count();
        long switches = all.values().stream().mapToLong(s -> s.switches().size()).sum();
        account(u, account).execute(new AccountCommand.ReportState(notExpired, switches, closureId, u.now));
    }
}
