package com.brandclosure.catalog.application;

import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * FinalReviewApproved: the closure is deactivating. The account is fenced as deactivation fences it
 * (no new catalog from then on; deleting stays allowed) and the fence is confirmed to the saga with
 * {@code AccountFenced}, once: a fence already up is not raised nor confirmed again.
 */
@Service
public class Fencing {

    public static final String SERVICE = "catalog-service";

    private final CommandRunner runner;
    private final CatalogCommands commands;

    public Fencing(CommandRunner runner, CatalogCommands commands) {
        this.runner = runner;
        this.commands = commands;
    }

    public void fence(AccountId account, String closureId, LocalDate closureDate, CommandContext ctx) {
        runner.runInAccount(account.value(), work -> {
            boolean alreadyFenced = CatalogStreams.account(work, account).state().deactivated();
            commands.deactivate(account, closureDate, ctx);
            if (!alreadyFenced) {
                work.publish(Topics.CATALOG, new AccountFenced(account.value(), closureId, SERVICE, ctx.now()),
                        ctx.nextMetadata());
            }
        });
    }
}
