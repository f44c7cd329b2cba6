package com.brandclosure.funding.application;

import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.Topics;
import com.brandclosure.funding.domain.FundingFence;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.kernel.AccountId;
import org.springframework.stereotype.Service;

/**
 * FinalReviewApproved: the closure is deactivating. The account's {@link FundingFence} goes up (no new
 * funding account from then on) and is confirmed to the saga with {@code AccountFenced}, once: a fence
 * already up is not raised nor confirmed again. The refund still waits for AccountDeactivated.
 */
@Service
public class Fencing {

    public static final String SERVICE = "funding-service";

    private final CommandRunner runner;

    public Fencing(CommandRunner runner) {
        this.runner = runner;
    }

    public void fence(AccountId account, String closureId, CommandContext ctx) {
        runner.runInAccount(account.value(), work -> {
            if (!fence(work, account).execute(new FundingFence.Raise(closureId, ctx.now()), ctx).isEmpty()) {
                work.publish(Topics.FUNDING, new AccountFenced(account.value(), closureId, SERVICE, ctx.now()),
                        ctx.nextMetadata());
            }
        });
    }

    static com.brandclosure.platform.command.Stream<FundingFence.Raise, FundingFence.State, FundingFence.Event> fence(
            Work work, AccountId account) {
        return work.load(account.value(), FundingFence.streamId(account.value()), FundingFence.DECIDER);
    }
}
