package com.brandclosure.payouts.application;

import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.Topics;
import com.brandclosure.payouts.persistence.AccountRow;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * FinalReviewApproved: the closure is deactivating. The account is fenced as deactivation fences it
 * ({@link Deactivation}: the closure date is recorded, every action dated on or after it is rejected
 * ACCOUNT_CLOSED, late arrivals too, and no action is restored any more) and the fence is confirmed
 * to the saga with {@code AccountFenced}, once: a closure date already recorded means the fence is up.
 */
@Service
public class Fencing {

    public static final String SERVICE = "payouts-service";

    private final CommandRunner runner;
    private final PayoutsStore db;
    private final Deactivation deactivation;

    public Fencing(CommandRunner runner, PayoutsStore db, Deactivation deactivation) {
        this.runner = runner;
        this.db = db;
        this.deactivation = deactivation;
    }

    public void fence(AccountId account, String closureId, LocalDate closureDate, CommandContext ctx) {
        runner.runInAccount(account.value(), work -> {
            boolean alreadyFenced = db.account(account).map(AccountRow::closureDate).isPresent();
            deactivation.deactivate(account, closureDate, ctx);
            if (!alreadyFenced) {
                work.publish(Topics.PAYOUTS, new AccountFenced(account.value(), closureId, SERVICE, ctx.now()),
                        ctx.nextMetadata());
            }
        });
    }
}
