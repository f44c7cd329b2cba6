/**
 * The ops console's backend: one view of the whole system, served by the orchestrator.
 * <p>
 * Design: the orchestrator <em>aggregates the other services over HTTP</em>, through the same
 * endpoints an operator would call with curl ({@code /api/v1/accounts/{id}/audit},
 * {@code /actuator/deadletters}, {@code /actuator/parked}, {@code /actuator/outbox},
 * {@code /actuator/timers}, {@code /actuator/health/readiness}); the base URLs come from
 * configuration ({@code closure.console.services.<name>=http://…}, set by the local stack,
 * docker-compose and the system tests). Why this and not something else:
 * <ul>
 *   <li>No service reads another's database: each service's data stays behind its own API and
 *       its own role checks, and the console cannot drift from what those endpoints answer.</li>
 *   <li>The caller's credentials are forwarded as they came (bearer JWT or demo Basic): each
 *       service decides for itself what this user may see or do; the orchestrator holds no
 *       privileged identity of its own that a console user could borrow.</li>
 *   <li>Each call is bounded ({@code closure.console.timeout}) and made in parallel; a service that
 *       is down, slow or refusing is reported per service ("unavailable", with the reason) and the
 *       rest of the page still renders — the aggregation never answers 500 for one missing part.</li>
 *   <li>A Kafka-fed copy of every service's audit trail in the orchestrator was the alternative; it
 *       would duplicate five event stores and lag behind them, for a page support opens a few times a day.</li>
 * </ul>
 * Lists are read tolerantly: a body that is a JSON array or an object holding the array, with or
 * without a {@code Link} header for paging, both work.
 */
package com.brandclosure.closure.ops.console;
