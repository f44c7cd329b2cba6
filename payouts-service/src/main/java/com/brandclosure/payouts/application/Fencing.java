package com.brandclosure.payouts.application;

import com.brandclosure.payouts.persistence.AccountRow;
import com.brandclosure.payouts.persistence.PayoutsStore;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * FinalReviewApproved: the closure is deactivating. The account is fenced as deactivation fences it
 * ({@link Deactivation}: the closure date is recorded, every action dated on or after it is rejected
 * ACCOUNT_CLOSED, late arrivals too, and no action is restored any more); the platform
 * ({@link ClosureRequests#fences}) confirms the fence to the saga with {@code AccountFenced}, once: a closure
 * date already recorded means the fence is up.
 */
@Service
public class Fencing implements ClosureRequests.Fence {

    public static final String SERVICE = "payouts-service";

    private final PayoutsStore db;
    private final Deactivation deactivation;

    public Fencing(PayoutsStore db, Deactivation deactivation) {
        this.db = db;
        this.deactivation = deactivation;
    }

    @Override
    public boolean raise(Work work, String accountId, String closureId, LocalDate closureDate, CommandContext ctx) {
        AccountId account = AccountId.of(accountId);
        boolean alreadyFenced = db.account(account).map(AccountRow::closureDate).isPresent();
        deactivation.deactivate(account, closureDate, ctx);
        return !alreadyFenced;
    }
}
