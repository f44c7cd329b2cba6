package com.brandclosure.platform.ops;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /actuator/outbox}: backlog, age of the oldest unpublished event, last publish time. */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OpsQueries queries;

    public OutboxEndpoint(OpsQueries queries) {
        this.queries = queries;
    }

    @ReadOperation
    public Map<String, Object> outbox() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("backlog", queries.outboxBacklog());
        view.put("oldestUnpublishedAgeSeconds", queries.oldestUnpublishedAge().toMillis() / 1000.0);
        view.put("lastPublishAt", queries.lastPublishAt().map(Object::toString).orElse(null));
        view.put("parked", queries.outboxParked());
        view.put("latestParked", queries.latestParkedOutboxRows(20));
        return view;
    }
}
