/**
 * funding-service keeps no read model of its own: the account overview is folded from the account's
 * stream (snapshot-aware, by the platform's event store), so nothing lives here yet. A read model
 * would be a platform {@code Projection} bean in this package.
 * <p>
 * Invariants: no SQL on the platform's tables ({@code events}, outbox, inbox) from this service.
 */
package com.brandclosure.funding.persistence;
