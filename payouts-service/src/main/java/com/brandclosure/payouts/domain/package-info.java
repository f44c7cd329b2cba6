/**
 * The Action aggregate (a tracked conversion) and the account-level payouts summary, as pure
 * deciders ({@code platform.kernel.Decider}: {@code decide(command, state) -> events},
 * {@code evolve(state, event) -> state}, an initial state): {@code Action.DECIDER} and
 * {@code PayoutsSummary.DECIDER}; the date arithmetic as named policy functions ({@code LockSchedule},
 * and {@code LockHorizon} for the last lock date the closure waits for); {@code AccountLocale}: the
 * account's one currency and zone, decided once by its first settings — payouts-service owns them
 * because its settings carry both, every cost is tracked here first and its dates are days in that
 * zone; the other services adopt the decision ({@code AccountLocaleDecided}).
 * <p>
 * Invariants: an action's lock and clearing dates are fixed when it is tracked (from the
 * account's settings at that moment); nothing changes once it is locked; time, ids and the
 * contract terms come in with the command, so this package never reads a clock or a database.
 * Only {@code java.*} and the platform kernel are imported here (checked by ArchitectureTest).
 */
package com.brandclosure.payouts.domain;
