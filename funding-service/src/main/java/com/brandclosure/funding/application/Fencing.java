package com.brandclosure.funding.application;

import com.brandclosure.funding.domain.FundingFence;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

import java.time.LocalDate;

/**
 * FinalReviewApproved: the closure is deactivating. The account's {@link FundingFence} goes up (no new
 * funding account from then on); the platform ({@link ClosureRequests#fences}) confirms it to the saga with
 * {@code AccountFenced}, once: a fence already up is not raised nor confirmed again. The refund still waits
 * for AccountDeactivated.
 */
@Service
public class Fencing implements ClosureRequests.Fence {

    public static final String SERVICE = "funding-service";

    @Override
    public boolean raise(Work work, String accountId, String closureId, LocalDate closureDate, CommandContext ctx) {
        return !fence(work, AccountId.of(accountId)).execute(new FundingFence.Raise(closureId, ctx.now()), ctx)
                .isEmpty();
    }

    static com.brandclosure.platform.command.Stream<FundingFence.Raise, FundingFence.State, FundingFence.Event> fence(
            Work work, AccountId account) {
        return work.load(account.value(), FundingFence.streamId(account.value()), FundingFence.DECIDER);
    }
}
