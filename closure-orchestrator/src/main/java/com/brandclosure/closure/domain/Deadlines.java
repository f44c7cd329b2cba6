package com.brandclosure.closure.domain;

import com.brandclosure.closure.domain.AccountClosureState.AwaitingFinalSettlement;
import com.brandclosure.closure.domain.AccountClosureState.AwaitingLockDate;
import com.brandclosure.closure.domain.AccountClosureState.ClosureRequested;
import com.brandclosure.closure.domain.AccountClosureState.Deactivating;
import com.brandclosure.closure.domain.AccountClosureState.Preparing;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * How long each waiting state may last; past its deadline a closure is overdue. Defaults
 * ({@link #DEFAULTS}): Preparing 90 days from the initiation; AwaitingLockDate one day after the lock
 * date has passed; ClosureRequested a 5-day review SLA; Deactivating 10 minutes for the four fences;
 * AwaitingFinalSettlement 7 days after the last clearing date.
 * <p>
 * The last clearing date is payouts' word ({@code PayoutsSettled.lastClearingAt}, in the payouts fact):
 * the final settlement can begin only once the last partner payment has cleared. A clearing already
 * behind the deactivation (or none said: facts from before payouts told it) counts from the
 * deactivation, since the settlement cannot begin before that either.
 */
public record Deadlines(Duration preparing, Duration afterLockDate, Duration review, Duration deactivating,
                        Duration finalSettlement) {

    public static final Deadlines DEFAULTS = new Deadlines(Duration.ofDays(90), Duration.ofDays(1),
            Duration.ofDays(5), Duration.ofMinutes(10), Duration.ofDays(7));

    public Deadlines {
        Objects.requireNonNull(preparing, "preparing");
        Objects.requireNonNull(afterLockDate, "afterLockDate");
        Objects.requireNonNull(review, "review");
        Objects.requireNonNull(deactivating, "deactivating");
        Objects.requireNonNull(finalSettlement, "finalSettlement");
    }

    /** The deadline of {@code state}; empty for the states nobody waits in (not initiated, cancelled, closed). */
    public Optional<Instant> of(AccountClosureState state) {
        return Optional.ofNullable(switch (state) {
            case Preparing p -> p.initiation().at().plus(preparing);
            case AwaitingLockDate a -> a.fireAt().plus(afterLockDate);
            case ClosureRequested r -> r.since().plus(review);
            case Deactivating d -> d.since().plus(deactivating);
            case AwaitingFinalSettlement s -> lastClearingOrDeactivation(s).plus(finalSettlement);
            default -> null;
        });
    }

    private static Instant lastClearingOrDeactivation(AwaitingFinalSettlement s) {
        Instant clearing = s.ledger().facts().of(Precondition.PAYOUTS_SETTLED).filter(Fact::holds)
                .map(Fact::lastClearingAt).orElse(null);
        return clearing != null && clearing.isAfter(s.since()) ? clearing : s.since();
    }

    /** True once {@code now} is past the deadline of {@code state}. */
    public boolean overdue(AccountClosureState state, Instant now) {
        return of(state).map(deadline -> deadline.isBefore(now)).orElse(false);
    }
}
