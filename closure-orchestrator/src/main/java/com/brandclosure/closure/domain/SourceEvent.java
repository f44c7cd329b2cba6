package com.brandclosure.closure.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a fact came from: the source's event id and time, and its position in the consumed
 * topic partition.
 * <p>
 * Ordering: every summary event of one precondition of one account comes from one service, on
 * one topic keyed by the account, so it lands in one partition in the order the source's outbox
 * published it. The partition offset is therefore the exact order, immune to clock skew between
 * the source's instances. Only if the topic was re-partitioned can two facts come from different
 * partitions, whose offsets say nothing about each other; then the source's occurredAt decides,
 * and the event id breaks a tie so the order is total and the same on every replay.
 */
public record SourceEvent(String eventId, Instant occurredAt, String topic, int partition, long offset) {

    public SourceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(topic, "topic");
    }

    /** True if this event is later than {@code other} in the source's order (a duplicate is not later). */
    public boolean isLaterThan(SourceEvent other) {
        if (topic.equals(other.topic) && partition == other.partition) {
            return offset > other.offset;
        }
        int byTime = occurredAt.compareTo(other.occurredAt);
        return byTime != 0 ? byTime > 0 : eventId.compareTo(other.eventId) > 0;
    }
}
