package com.brandclosure.platform.eventstore;

/** A stored event's logical type (or version) is not registered: the load fails rather than skip history. */
public class UnknownEventTypeException extends IllegalStateException {
    public UnknownEventTypeException(String type, int schemaVersion, String streamId, long version) {
        super("unknown event type '" + type + "' (schema version " + schemaVersion + ") in stream '" + streamId
                + "' at version " + version + ": register it, or an upcaster for it, in an EventTypes bean");
    }
}
