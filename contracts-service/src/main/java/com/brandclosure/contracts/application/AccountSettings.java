package com.brandclosure.contracts.application;

import com.brandclosure.contracts.domain.AccountCommand;
import com.brandclosure.contracts.domain.AccountState;
import com.brandclosure.contracts.domain.ContractAccount;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Actor;
import org.springframework.stereotype.Service;

/** The account's settings: its time zone (which expiry dates and switch dates are read in). */
@Service
public class AccountSettings {

    private final CommandRunner runner;
    private final EventStore eventStore;
    private final AccountSummary summary;

    public AccountSettings(CommandRunner runner, EventStore eventStore, AccountSummary summary) {
        this.runner = runner;
        this.eventStore = eventStore;
        this.summary = summary;
    }

    /** The account's settings, for a caller that may see the account; 404 for an unknown one. */
    public AccountState settings(Actor actor, AccountId account) {
        actor.requireAccess(account.value());
        AccountState state = Streams.readAccount(eventStore, account.value());
        ContractAccount.requireKnown(state);
        return state;
    }

    /**
     * Sets the account's time zone (registering the account if new; default without this call:
     * UTC). A newly registered account without contracts meets the precondition at once. Once the
     * account's zone is decided (payouts-service) another one is a 409 naming both.
     */
    public AccountState configure(Actor actor, AccountId account, String timeZone, CommandContext ctx) {
        actor.requireAccess(account.value());
        return runner.inAccount(account.value(), work -> {
            var stream = Streams.account(work, account.value());
            stream.execute(new AccountCommand.ConfigureAccount(account.value(), timeZone, ctx.now()), ctx);
            summary.reconcile(work, account.value(), ctx);
            return stream.state();
        });
    }

    /**
     * Adopts the time zone payouts-service decided for the account ({@code AccountLocaleDecided}): the
     * account's zone from now on, registering the account if new; another zone is refused afterwards.
     * Joins the running unit of work (a consumer's poll).
     */
    public void adoptDecidedZone(String accountId, String timeZone, CommandContext ctx) {
        runner.runInAccount(accountId, work -> {
            Streams.account(work, accountId).execute(new AccountCommand.AdoptDecidedZone(accountId, timeZone,
                    ctx.now()), ctx);
            summary.reconcile(work, accountId, ctx);
        });
    }
}
