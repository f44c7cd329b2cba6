/**
 * The one command path. Every HTTP command, consumer effect and timer of every service runs as a
 * unit of work through {@link com.brandclosure.platform.command.CommandRunner}:
 * <ol>
 *   <li>one transaction; the account locks of every account it touches are taken first, in sorted
 *       order (see {@code eventstore/package-info});</li>
 *   <li>streams are loaded snapshot-aware, many in one query ({@link com.brandclosure.platform.command.Work#loadAll});</li>
 *   <li>the service's {@link com.brandclosure.platform.kernel.Decider} decides, the handle evolves its state;</li>
 *   <li>at the end (or at an explicit {@link com.brandclosure.platform.command.Work#flush()}) every staged event of
 *       every stream is appended in one statement, snapshots due are written, the service's
 *       {@link com.brandclosure.platform.command.Publication}s turn stored events into outbox rows, and its
 *       {@link com.brandclosure.platform.command.Projection}s update read models;</li>
 *   <li>a {@link com.brandclosure.platform.eventstore.ConcurrencyConflictException} rolls everything back and the
 *       whole unit runs again, a bounded number of times (one retry policy for all services).</li>
 * </ol>
 * A unit of work started while another runs on the same thread joins it if its accounts are already
 * locked, so use cases compose (a consumer batch calls the same use case as the HTTP endpoint).
 * <p>
 * Published event ids: an integration event that announces a stored event carries that stored event's
 * id (so the audit trail and Kafka name one event by one id); a second announcement of the same stored
 * event gets a name-based id derived from it; an integration event with no stored event gets a fresh id.
 */
package com.brandclosure.platform.command;
