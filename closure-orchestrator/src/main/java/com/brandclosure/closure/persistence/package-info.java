/**
 * The closure's read model. Invariants:
 * <ul>
 *   <li>{@code closure_summary} is written only by {@link com.brandclosure.closure.persistence.ClosureProjection}
 *       as a {@code Projection} of the command runner, in the transaction that appended the events;
 *       a row never goes back to an older saga version.</li>
 *   <li>No SQL on the platform's tables ({@code events}, {@code outbox}, inbox): the platform owns them.</li>
 * </ul>
 */
package com.brandclosure.closure.persistence;
