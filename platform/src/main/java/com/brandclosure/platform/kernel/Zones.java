package com.brandclosure.platform.kernel;

import java.time.ZoneId;
import java.util.Objects;

/**
 * The one way services compare an account's time zone. An id is a spelling; what the domain computes
 * with (lock dates, due dates, fee windows) are the zone's rules. So "UTC", "Etc/UTC", "GMT" and "Z" are
 * one zone, and so are a tzdb link and its target ("Asia/Calcutta" and "Asia/Kolkata"): comparing ids
 * with {@code ZoneId.equals} would refuse them as a conflict although every date computed in either is
 * the same. Comparing the rules is a superset of {@link ZoneId#normalized()} equality (a fixed-offset
 * region and its offset have equal rules) that also covers links.
 * <p>
 * The comparison never rewrites a zone: callers keep the id as first decided.
 */
public final class Zones {

    private Zones() {
    }

    /** True if {@code a} and {@code b} are the same zone whatever their spelling (equal rules). */
    public static boolean same(ZoneId a, ZoneId b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        return a.equals(b) || a.normalized().equals(b.normalized()) || a.getRules().equals(b.getRules());
    }
}
