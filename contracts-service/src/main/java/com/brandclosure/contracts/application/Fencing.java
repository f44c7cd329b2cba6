package com.brandclosure.contracts.application;

import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * FinalReviewApproved: the closure is deactivating. The account is fenced as deactivation fences it
 * ({@link Deactivation}: no new contract, switch or link; the contracts are all expired already, or
 * the review would not have been approved, so no link of the brand still tracks); the platform
 * ({@link ClosureRequests#fences}) confirms the fence to the saga with {@code AccountFenced}, once: a fence
 * already up is not raised nor confirmed again. AccountDeactivated applies the same deactivation again,
 * which then changes nothing.
 */
@Service
public class Fencing implements ClosureRequests.Fence {

    public static final String SERVICE = "contracts-service";

    private final Deactivation deactivation;

    public Fencing(Deactivation deactivation) {
        this.deactivation = deactivation;
    }

    @Override
    public boolean raise(Work work, String accountId, String closureId, LocalDate closureDate, CommandContext ctx) {
        boolean alreadyFenced = Streams.account(work, accountId).state().deactivated();
        deactivation.apply(accountId, closureDate, ctx);
        return !alreadyFenced;
    }
}
