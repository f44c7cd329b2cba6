package com.brandclosure.platform.outbox;

import com.brandclosure.events.EventCatalog;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.json.JsonCodec;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.List;

/**
 * Records what must be published, in the caller's transaction: the integration event reaches
 * Kafka if and only if the state change that produced it commits. {@link OutboxRelay} does
 * the sending. Integration events are version 1 of their public shape until a change says so.
 */
public class Outbox {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonCodec json;

    public Outbox(JdbcTemplate jdbc, TransactionTemplate tx, JsonCodec json) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    /** A message to publish: topic, event, metadata. */
    public record Message(String topic, IntegrationEvent event, EventMetadata metadata) {
    }

    public void publish(String topic, IntegrationEvent event, EventMetadata metadata) {
        publishAll(List.of(new Message(topic, event, metadata)));
    }

    public void publishAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(messages.size());
        for (Message m : messages) {
            String type = EventCatalog.nameOf(m.event().getClass());
            EventMetadata md = m.metadata();
            var envelope = new Envelope(md.eventId().toString(), type, 1, m.event().accountId(), md.occurredAt(),
                    md.actor(), md.correlationId(), md.causationId(), json.tree(m.event()));
            rows.add(new Object[]{m.topic(), m.event().accountId(), md.eventId(), type, json.write(envelope)});
        }
        tx.executeWithoutResult(status -> jdbc.batchUpdate(
                "INSERT INTO outbox (topic, message_key, event_id, event_type, envelope) VALUES (?, ?, ?, ?, ?)",
                rows));
    }
}
