package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountCommand;
import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractAccount;
import com.brandclosure.contracts.domain.ContractCommand;
import com.brandclosure.contracts.domain.ContractState;
import com.brandclosure.contracts.domain.PartnerContract;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a brand does to single contracts: create one, propose, schedule or withdraw a switch. Each
 * call is one unit of work: tenant check, then (in the unit) the Idempotency-Key, the account's
 * fence, the contract, and the account summary.
 */
@Service
public record ContractCommands(CommandRunner runner, Idempotency idempotency, AccountSummary summary) {

    public record NewContract(String partnerId, String landingUrl) {
    }

    public Idempotency.Answer create(Actor actor, AccountId account, NewContract contract,
                                     Idempotency.Replayable<ContractState> request, CommandContext ctx) {
        actor.requireAccess(account.value());
        return idempotency.run(account.value(), request,
                work -> create(work, account.value(), List.of(contract), ctx).get(0));
    }

    /**
     * Creates many contracts in one unit of work: one append statement, one outbox batch, one summary
     * decision. For trusted in-process callers (benchmarks, tools): no API reaches it, so it takes no actor.
     */
    public List<ContractState> createAll(AccountId account, List<NewContract> contracts, CommandContext ctx) {
        return runner.inAccount(account.value(), work -> create(work, account.value(), contracts, ctx));
    }

    /** Returns the new switch's id. */
    public Idempotency.Answer proposeSwitch(Actor actor, AccountId account, String contractId, String terms,
                                            Idempotency.Replayable<String> request, CommandContext ctx) {
        actor.requireAccess(account.value());
        String switchId = ctx.ids().get().toString();
        return idempotency.run(account.value(), request, work -> onContract(work, account.value(), contractId,
                "a new switch proposal", state -> new ContractCommand.ProposeSwitch(switchId, terms, ctx.now()),
                switchId, ctx));
    }

    /** The switch takes effect at the start of {@code effectiveOn} in the account's time zone. Returns its id. */
    public Idempotency.Answer scheduleSwitch(Actor actor, AccountId account, String contractId, String terms,
                                             LocalDate effectiveOn, Idempotency.Replayable<String> request,
                                             CommandContext ctx) {
        actor.requireAccess(account.value());
        String switchId = ctx.ids().get().toString();
        return idempotency.run(account.value(), request, work -> onContract(work, account.value(), contractId,
                "a new switch", state -> {
                    Instant effectiveAt = effectiveOn.atStartOfDay(state.zone()).toInstant();
                    return new ContractCommand.ScheduleSwitch(switchId, terms, effectiveAt, ctx.now());
                }, switchId, ctx));
    }

    /** Withdraws a pending proposal or scheduled switch; the result is the switch's id. */
    public Idempotency.Answer withdrawSwitch(Actor actor, AccountId account, String contractId, String switchId,
                                             Idempotency.Replayable<String> request, CommandContext ctx) {
        actor.requireAccess(account.value());
        return idempotency.run(account.value(), request, work -> onContract(work, account.value(), contractId, null,
                state -> new ContractCommand.WithdrawSwitch(switchId, ctx.now()), switchId, ctx));
    }

    private List<ContractState> create(Work work, String accountId, List<NewContract> contracts,
                                       CommandContext ctx) {
        var account = Streams.account(work, accountId);
        if (!account.state().known()) {
            // The first contract registers the account with the default time zone.
            account.execute(new AccountCommand.ConfigureAccount(accountId, AccountState.DEFAULT_TIME_ZONE,
                    ctx.now()), ctx);
        }
        ContractAccount.requireOpen(account.state(), "a new contract");
        Map<String, ContractCommand> commands = new LinkedHashMap<>();
        for (NewContract c : contracts) {
            String contractId = ctx.ids().get().toString();
            commands.put(Streams.contractStreamId(contractId), new ContractCommand.CreateContract(contractId,
                    accountId, c.partnerId(), c.landingUrl(), ctx.now()));
        }
        List<ContractState> created = new ArrayList<>(contracts.size());
        for (var stream : Streams.contracts(work, accountId, List.copyOf(commands.keySet()))) {
            stream.execute(commands.get(stream.streamId()), ctx);
            created.add(stream.state());
        }
        summary.reconcile(work, accountId, ctx);
        return created;
    }

    /**
     * A command on one existing contract of the account: the account must be known (and open,
     * unless {@code fencedWhat} is null: withdrawing stays possible after deactivation).
     */
    private <R> R onContract(Work work, String accountId, String contractId, String fencedWhat,
                             Function<AccountState, ContractCommand> command, R result, CommandContext ctx) {
        AccountState account = Streams.account(work, accountId).state();
        ContractAccount.requireKnown(account);
        if (fencedWhat != null) {
            ContractAccount.requireOpen(account, fencedWhat);
        }
        var contract = Streams.contract(work, accountId, contractId);
        PartnerContract.requireIn(accountId, contractId, contract.state());
        contract.execute(command.apply(account), ctx);
        summary.reconcile(work, accountId, ctx);
        return result;
    }
}
