package com.brandclosure.contracts.application;

import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.Topics;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * FinalReviewApproved: the closure is deactivating. The account is fenced as deactivation fences it
 * ({@link Deactivation}: no new contract, switch or link; the contracts are all expired already, or
 * the review would not have been approved, so no link of the brand still tracks) and the fence is
 * confirmed to the saga with {@code AccountFenced}, once: a fence already up is not raised nor
 * confirmed again. AccountDeactivated applies the same deactivation again, which then changes nothing.
 */
@Service
public class Fencing {

    public static final String SERVICE = "contracts-service";

    private final CommandRunner runner;
    private final Deactivation deactivation;

    public Fencing(CommandRunner runner, Deactivation deactivation) {
        this.runner = runner;
        this.deactivation = deactivation;
    }

    public void fence(String accountId, String closureId, LocalDate closureDate, CommandContext ctx) {
        runner.runInAccount(accountId, work -> {
            boolean alreadyFenced = Streams.account(work, accountId).state().deactivated();
            deactivation.apply(accountId, closureDate, ctx);
            if (!alreadyFenced) {
                work.publish(Topics.CONTRACTS, new AccountFenced(accountId, closureId, SERVICE, ctx.now()),
                        ctx.nextMetadata());
            }
        });
    }
}
