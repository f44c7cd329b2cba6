/**
 * The event store. Invariants: streams are append-only; {@code UNIQUE(stream_id, version)}
 * decides every race; stored events carry logical type names and schema versions, never Java
 * class names; an unknown stored type fails the load. Ordering rule for publishing: in a
 * transaction that appends events and publishes them, either the append is the first write, or
 * the accounts involved are locked first with {@link com.brandclosure.platform.eventstore.AccountLocks}
 * (see there for why).
 */
package com.brandclosure.platform.eventstore;
