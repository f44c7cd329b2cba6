package com.brandclosure.catalog.application;

import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * FinalReviewApproved: the closure is deactivating. The account is fenced as deactivation fences it
 * (no new catalog from then on; deleting stays allowed); the platform ({@link ClosureRequests#fences})
 * confirms the fence to the saga with {@code AccountFenced}, once: a fence already up is not raised nor
 * confirmed again.
 */
@Service
public class Fencing implements ClosureRequests.Fence {

    public static final String SERVICE = "catalog-service";

    private final CatalogCommands commands;

    public Fencing(CatalogCommands commands) {
        this.commands = commands;
    }

    @Override
    public boolean raise(Work work, String accountId, String closureId, LocalDate closureDate, CommandContext ctx) {
        AccountId account = AccountId.of(accountId);
        boolean alreadyFenced = CatalogStreams.account(work, account).state().deactivated();
        commands.deactivate(account, closureDate, ctx);
        return !alreadyFenced;
    }
}
