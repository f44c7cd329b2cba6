package com.brandclosure.platform.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The system clock plus an offset that only moves forward: lets the local demo reach lock and
 * clearing dates in minutes. Enabled only by {@code platform.clock.adjustable=true}, which the
 * local profile sets and production configuration never does.
 */
public final class AdjustableClock extends Clock {

    private final Clock base;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    public AdjustableClock(Clock base) {
        this.base = base;
    }

    /** How far ahead of the real time the clock may be in total: enough for any demo, far from Instant's limits. */
    public static final Duration MAX_OFFSET = Duration.ofDays(3650);

    /**
     * Moves time forward by {@code amount}; returns the new now. Going back is refused (time never
     * rewinds), and so is going more than {@link #MAX_OFFSET} ahead in total; a refused amount
     * changes nothing, so a bad request cannot leave a clock that every later request fails on.
     */
    public Instant advance(Duration amount) {
        if (amount.isNegative()) {
            throw new IllegalArgumentException("the clock only moves forward; got " + amount);
        }
        Duration updated = offset.updateAndGet(o -> {
            if (amount.compareTo(MAX_OFFSET.minus(o)) > 0) {
                throw new IllegalArgumentException("the clock may be at most " + MAX_OFFSET.toDays()
                        + " days ahead in total; it is " + o.toDays() + " days ahead, so at most "
                        + MAX_OFFSET.minus(o).toDays() + " more days can be added");
            }
            return o.plus(amount);
        });
        return base.instant().plus(updated);
    }

    public Duration offset() {
        return offset.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** Instants do not depend on the zone; the adjustable clock stays UTC so every service agrees. */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset.get());
    }
}
