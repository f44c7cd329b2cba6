package com.brandclosure.platform.ops;

import com.brandclosure.platform.web.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code /actuator/outbox}: backlog, age of the oldest unpublished event, last publish time, parked rows (paged). */
@Endpoint(id = "outbox")
public class OutboxEndpoint {

    private final OpsQueries queries;

    public OutboxEndpoint(OpsQueries queries) {
        this.queries = queries;
    }

    /** Backlog, last publish, and the parked rows: their count and one page of them, newest first ({@link Paging}). */
    @ReadOperation
    public Map<String, Object> outbox(@Nullable String limit, @Nullable String after) {
        Paging.Request page = Paging.request(limit, after, 1);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("backlog", queries.outboxBacklog());
        view.put("oldestUnpublishedAgeSeconds", queries.oldestUnpublishedAge().toMillis() / 1000.0);
        view.put("lastPublishAt", queries.lastPublishAt().map(Object::toString).orElse(null));
        view.put("parked", queries.outboxParked());
        view.put("latestParked", Paging.page(queries.latestParkedOutboxRows(page), page,
                OpsQueries::cursorOfParkedRow));
        return view;
    }
}
