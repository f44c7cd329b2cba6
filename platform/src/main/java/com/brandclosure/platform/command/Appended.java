package com.brandclosure.platform.command;

import com.brandclosure.platform.eventstore.EventMetadata;

/**
 * A stored event as the runner appended it: its stream, account, version, metadata and the stream's
 * state right after it (so projections and publications need not fold anything themselves).
 */
public record Appended(String streamId, String accountId, long version, Object event, EventMetadata metadata,
                       Object stateAfter) {

    /** The state after this event, as the caller's type. */
    @SuppressWarnings("unchecked")
    public <S> S state() {
        return (S) stateAfter;
    }
}
