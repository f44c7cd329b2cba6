package com.brandclosure.platform.eventstore;

import java.util.Objects;

/** An event to append: the domain event record and its metadata. */
public record NewEvent(Object event, EventMetadata metadata) {
    public NewEvent {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(metadata, "metadata");
    }
}
