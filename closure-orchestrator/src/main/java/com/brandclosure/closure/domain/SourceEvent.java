package com.brandclosure.closure.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a fact came from: the source's event id and time, where it was read (topic, partition,
 * offset) and {@code sourceVersion}, its place in the source's own sequence.
 * <p>
 * Ordering: a source service keeps every summary of one account in one stream of its event store
 * and publishes each with that stored event's version ({@code sourceVersion}), which the store gives
 * once per stream, whichever instance appended it. So the higher version is the later word, and
 * that alone decides. Partition and offset do not: a dead letter replayed, or a record re-sent by
 * the source's outbox after a crash, lands at the end of its topic, behind newer words; nor does
 * {@code occurredAt}, which the sender's clock sets. The same version again is a duplicate.
 * <p>
 * Version 0 means unknown: facts recorded before sources published versions (their stored events
 * are upcast with 0) and records published then. A known version is later than an unknown one
 * (it was published after the upgrade); between two unknown ones the former rule applies
 * (offset within one partition, else occurredAt, then event id), so history folds as it did.
 */
public record SourceEvent(String eventId, Instant occurredAt, String topic, int partition, long offset,
                          long sourceVersion) {

    public SourceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(topic, "topic");
        if (sourceVersion < 0) {
            throw new IllegalArgumentException("sourceVersion must not be negative");
        }
    }

    /** True if this event is later than {@code other} in the source's order (a duplicate is not later). */
    public boolean isLaterThan(SourceEvent other) {
        if (sourceVersion > 0 || other.sourceVersion > 0) {
            return sourceVersion > other.sourceVersion;
        }
        if (topic.equals(other.topic) && partition == other.partition) {
            return offset > other.offset;
        }
        int byTime = occurredAt.compareTo(other.occurredAt);
        return byTime != 0 ? byTime > 0 : eventId.compareTo(other.eventId) > 0;
    }
}
