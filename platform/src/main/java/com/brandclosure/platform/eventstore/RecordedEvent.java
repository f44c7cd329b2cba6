package com.brandclosure.platform.eventstore;

/**
 * An event as loaded from its stream: upcast to the current shape, with its position.
 * {@code type} is the logical name stored, {@code schemaVersion} the version it was stored at.
 */
public record RecordedEvent<E>(String streamId, long version, long globalPosition, String type, int schemaVersion,
                               E event, EventMetadata metadata) {
}
