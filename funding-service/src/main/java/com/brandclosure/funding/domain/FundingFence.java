package com.brandclosure.funding.domain;

import com.brandclosure.platform.kernel.Decider;
import com.brandclosure.platform.kernel.DomainException;

import java.time.Instant;
import java.util.List;

/**
 * The account's fence, raised when its closure is approved (the saga is then deactivating): from then
 * on no funding account is opened for it. What an existing account owes and holds goes on (costs are
 * booked, deposits credited, the refund waits for the deactivation), so the fence is a stream of its
 * own beside the funding account's.
 */
public final class FundingFence {

    /** {@code closureId} and {@code fencedAt} null: not fenced. */
    public record State(String closureId, Instant fencedAt) {
        public boolean fenced() {
            return fencedAt != null;
        }
    }

    /** Raise the fence for closure {@code closureId}; raising it again changes nothing. */
    public record Raise(String closureId, Instant at) {
    }

    public sealed interface Event {
    }

    public record AccountFenceRaised(String closureId, Instant fencedAt) implements Event {
    }

    public static final Decider<Raise, State, Event> DECIDER = Decider.of(new State(null, null),
            FundingFence::decide, FundingFence::evolve);

    private FundingFence() {
    }

    public static String streamId(String accountId) {
        return "funding-fence:" + accountId;
    }

    public static List<Event> decide(Raise command, State state) {
        return state.fenced() ? List.of() : List.of(new AccountFenceRaised(command.closureId(), command.at()));
    }

    public static State evolve(State state, Event event) {
        return switch (event) {
            case AccountFenceRaised r -> new State(r.closureId(), r.fencedAt());
        };
    }

    /** Opening a funding account needs an account that is not closing. */
    public static void requireOpen(State state, String accountId) {
        if (state.fenced()) {
            throw new DomainException.Conflict("account " + accountId + " is closing (fenced since " + state.fencedAt()
                    + " for closure " + state.closureId() + "): no funding account is opened any more");
        }
    }
}
