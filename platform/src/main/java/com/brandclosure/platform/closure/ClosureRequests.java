package com.brandclosure.platform.closure;

import com.brandclosure.events.AccountFenced;
import com.brandclosure.events.FinalReviewApproved;
import com.brandclosure.events.StateReportRequested;
import com.brandclosure.platform.command.Work;
import com.brandclosure.platform.eventstore.CommandContext;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.inbox.AccountHandler;
import com.brandclosure.platform.inbox.InboundBatches;

import java.time.LocalDate;
import java.util.List;

/**
 * The closure saga's requests to each source service, answered one way by all four (README "Closure
 * fences" and "State reports"). Each service keeps its {@code @KafkaListener} on the closure topic (its
 * listener id and group are its own) and hands the records to the subscription made here; what it brings
 * is its domain part: how its fence goes up, how its summary is announced. Both run in the poll's unit of
 * work, which holds the account's lock, so a use case called inside joins it.
 */
public class ClosureRequests {

    /** Consumer {@code <service>:closure-fence}. */
    public static final String FENCE = "closure-fence";

    /** Consumer {@code <service>:state-reports}. */
    public static final String STATE_REPORTS = "state-reports";

    private final InboundBatches inbound;
    private final CommandContexts contexts;

    public ClosureRequests(InboundBatches inbound, CommandContexts contexts) {
        this.inbound = inbound;
        this.contexts = contexts;
    }

    /** How a service raises its fence on an account. */
    @FunctionalInterface
    public interface Fence {
        /**
         * Fences {@code accountId} in {@code work} (nothing new accepted from then on); true if the fence went up
         * now, false if it was up already, so that it is confirmed once.
         */
        boolean raise(Work work, String accountId, String closureId, LocalDate closureDate, CommandContext ctx);
    }

    /** How a service announces its current summary of an account. */
    @FunctionalInterface
    public interface Report {
        /**
         * Announces the account's current summary with {@code reportFor} = {@code closureId}, also when it did not
         * change and for an account never seen.
         */
        void report(Work work, String accountId, String closureId, CommandContext ctx);
    }

    /**
     * FinalReviewApproved fences the account and a fence that went up now is confirmed with
     * {@code AccountFenced(accountId, ticketId, service, now)} on {@code topic} (the service's own), in the same
     * transaction. An approval without a closure date was published when the deactivation followed in the same
     * step: nothing is fenced for it here (AccountDeactivated does what the service does then).
     * {@code service} is the fencing service's name and the commands' actor.
     */
    public InboundBatches.Subscription fences(String service, String topic, Fence fence) {
        return inbound.subscribe(FENCE, List.of(FinalReviewApproved.class), AccountHandler.each((event, work) -> {
            var approved = (FinalReviewApproved) event.event();
            if (approved.closureDate() == null) {
                return;
            }
            CommandContext ctx = contexts.causedBy(event, service);
            if (fence.raise(work, approved.accountId(), approved.ticketId(), approved.closureDate(), ctx)) {
                work.publish(topic, new AccountFenced(approved.accountId(), approved.ticketId(), service, ctx.now()),
                        ctx.nextMetadata());
            }
        }));
    }

    /** StateReportRequested: {@code report} announces the summary; {@code actor} is the commands' actor. */
    public InboundBatches.Subscription stateReports(String actor, Report report) {
        return inbound.subscribe(STATE_REPORTS, List.of(StateReportRequested.class), AccountHandler.each((event, work) -> {
            var request = (StateReportRequested) event.event();
            report.report(work, request.accountId(), request.closureId(), contexts.causedBy(event, actor));
        }));
    }
}
