package com.brandclosure.closure.domain;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * The state reports the saga asked for last: for which closure ({@code closureId}, also the
 * services' {@code reportFor}), why ({@code INITIATION} or {@code REVIEW_REQUESTED}), when, and
 * which sources have answered since. {@link #NONE}: nothing asked yet.
 * <p>
 * A reconciliation ({@code RECONCILIATION}) asks the same question outside the saga's stream (no event records
 * it: a pass every few minutes would otherwise change every closure's version under its reviewer), under
 * {@link #reconciliationIdOf} the closure id, so that its answers are told apart from these: they never count
 * as this request's answers, and they are compared with the saga's facts instead ({@link Drift}).
 */
public record Reports(String closureId, String reason, Instant requestedAt, Set<Precondition> reported) {

    public static final String INITIATION = "INITIATION";
    public static final String REVIEW_REQUESTED = "REVIEW_REQUESTED";
    public static final String RECONCILIATION = "RECONCILIATION";
    /** Appended to the closure id to name a reconciliation's request (the services answer with it as {@code reportFor}). */
    static final String RECONCILIATION_SUFFIX = ":reconciliation";

    public static final Reports NONE = new Reports(null, null, null, Set.of());

    public Reports {
        reported = reported == null || reported.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reported));
    }

    /** The id a reconciliation of the closure {@code closureId} asks under (and its answers' {@code reportFor}). */
    public static String reconciliationIdOf(String closureId) {
        return closureId + RECONCILIATION_SUFFIX;
    }

    /** True if {@code reportFor} answers a reconciliation of the closure these reports belong to. */
    boolean answersReconciliation(String reportFor) {
        return closureId != null && reconciliationIdOf(closureId).equals(reportFor);
    }

    /** A new request: nobody has answered it yet. */
    static Reports requested(String closureId, String reason, Instant at) {
        return new Reports(closureId, reason, at, Set.of());
    }

    /** True if {@code reportFor} answers the current request and {@code source} has not answered it yet. */
    boolean awaits(String reportFor, Precondition source) {
        return closureId != null && closureId.equals(reportFor) && !reported.contains(source);
    }

    Reports with(Precondition source) {
        EnumSet<Precondition> all = EnumSet.noneOf(Precondition.class);
        all.addAll(reported);
        all.add(source);
        return new Reports(closureId, reason, requestedAt, all);
    }

    /**
     * True while a review request's reports are not all in: the closure may not move on to a review
     * before every source answered it (an initiation's request is not waited for: the facts known then
     * carry the closure as they always did).
     */
    public boolean awaitsReview() {
        return REVIEW_REQUESTED.equals(reason) && !missing().isEmpty();
    }

    /** The sources that have not answered the current request, in declaration order. */
    public java.util.List<Precondition> missing() {
        if (closureId == null) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(Precondition.values()).filter(p -> !reported.contains(p)).toList();
    }

    /** The closure id of the closure initiated by the event at {@code version}: unique per account, replay-stable. */
    static String closureIdOf(String account, long version) {
        return "CLO-" + account + "-" + version;
    }
}
