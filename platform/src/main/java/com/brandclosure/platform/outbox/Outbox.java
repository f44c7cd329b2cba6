package com.brandclosure.platform.outbox;

import com.brandclosure.events.EventCatalog;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.eventstore.EventMetadata;
import com.brandclosure.platform.jdbc.ArrayRows;
import com.brandclosure.platform.crypto.PersonalData;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.tracing.Traces;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;

/**
 * Records what must be published, in the caller's transaction: the integration event reaches
 * Kafka if and only if the state change that produced it commits. {@link OutboxRelay} does
 * the sending. Integration events are version 1 of their public shape until a change says so.
 */
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    private static final String INSERT = """
            INSERT INTO outbox (topic, message_key, event_id, event_type, envelope, traceparent)
            SELECT topic, message_key, event_id, event_type, envelope, traceparent
            FROM unnest(?::text[], ?::text[], ?::uuid[], ?::text[], ?::text[], ?::text[])
                 WITH ORDINALITY AS t(topic, message_key, event_id, event_type, envelope, traceparent, ord)
            ORDER BY ord""";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonCodec json;
    private final java.util.function.Supplier<OutboxRelay> localRelay;
    private final Traces traces;
    private final PersonalData personal;

    public Outbox(JdbcTemplate jdbc, TransactionTemplate tx, JsonCodec json) {
        this(jdbc, tx, json, () -> null, Traces.none(), null);
    }

    public Outbox(JdbcTemplate jdbc, TransactionTemplate tx, JsonCodec json,
                  java.util.function.Supplier<OutboxRelay> localRelay, Traces traces) {
        this(jdbc, tx, json, localRelay, traces, null);
    }

    /**
     * @param localRelay this instance's relay, if it has one: while it owns the position it is woken in
     *                   process after the commit; otherwise the transaction NOTIFYs the instance that owns it.
     * @param traces         where a message without a traceparent of its own takes the current span's from
     * @param personal       seals the envelope's actor and the event's personal components (null: in clear);
     *                       what a consumer needs stays in clear, see the package-info
     */
    public Outbox(JdbcTemplate jdbc, TransactionTemplate tx, JsonCodec json,
                  java.util.function.Supplier<OutboxRelay> localRelay, Traces traces, PersonalData personal) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.localRelay = localRelay;
        this.traces = traces;
        this.personal = personal;
    }

    private static final Object WAKE_REGISTERED = new Object();

    /**
     * Wakes the relay once the transaction commits: in process when this instance's relay owns the
     * position (no NOTIFY, which would serialise commits cluster-wide), else with one NOTIFY.
     */
    private void wakeRelayAfterCommit() {
        OutboxRelay relay = localRelay.get();
        if (relay != null && relay.owning()
                && org.springframework.transaction.support.TransactionSynchronizationManager.isSynchronizationActive()) {
            if (org.springframework.transaction.support.TransactionSynchronizationManager.hasResource(WAKE_REGISTERED)) {
                return;
            }
            org.springframework.transaction.support.TransactionSynchronizationManager.bindResource(WAKE_REGISTERED,
                    Boolean.TRUE);
            org.springframework.transaction.support.TransactionSynchronizationManager.registerSynchronization(
                    new org.springframework.transaction.support.TransactionSynchronization() {
                        @Override
                        public void afterCompletion(int status) {
                            org.springframework.transaction.support.TransactionSynchronizationManager
                                    .unbindResourceIfPossible(WAKE_REGISTERED);
                            if (status == STATUS_COMMITTED) {
                                relay.wakeUp();
                            }
                        }
                    });
        } else {
            jdbc.execute("SELECT pg_notify('" + OutboxNotifications.CHANNEL + "', '')");
        }
    }

    /**
     * A message to publish: topic, event, metadata, and the W3C traceparent of its cause (null: the span
     * current when it is written, if any; see platform.tracing).
     */
    public record Message(String topic, IntegrationEvent event, EventMetadata metadata, String traceparent) {

        public Message(String topic, IntegrationEvent event, EventMetadata metadata) {
            this(topic, event, metadata, null);
        }

        /** This message with {@code traceparent} as its cause's trace unless it has one already. */
        public Message tracedBy(String traceparent) {
            return this.traceparent != null || traceparent == null ? this
                    : new Message(topic, event, metadata, traceparent);
        }
    }

    public void publish(String topic, IntegrationEvent event, EventMetadata metadata) {
        publishAll(List.of(new Message(topic, event, metadata)));
    }

    /** Inserts all messages in order, with one statement over arrays (much faster than a JDBC batch for bulk commands). */
    public void publishAll(List<Message> messages) {
        if (messages.isEmpty()) {
            return;
        }
        ArrayRows rows = ArrayRows.of("text", "text", "uuid", "text", "text", "text");
        List<String> types = new java.util.ArrayList<>(messages.size());
        String current = traces.current();
        for (Message m : messages) {
            String type = EventCatalog.nameOf(m.event().getClass());
            EventMetadata md = m.metadata();
            String account = m.event().accountId();
            var envelope = personal == null
                    ? new Envelope(md.eventId().toString(), type, 1, account, md.occurredAt(), md.actor(),
                            md.correlationId(), md.causationId(), json.tree(m.event()))
                    : new Envelope(md.eventId().toString(), type, 1, account, md.occurredAt(),
                            personal.sealActor(account, md.actor()), md.correlationId(), md.causationId(),
                            personal.seal(account, m.event()));
            rows.add(m.topic(), m.event().accountId(), md.eventId(), type, json.write(envelope),
                    m.traceparent() != null ? m.traceparent() : current);
            types.add(type);
        }
        if (log.isDebugEnabled()) {
            log.debug("{} outbox row(s) written: {}", messages.size(), String.join(", ", types));
        }
        tx.executeWithoutResult(status -> rows.update(jdbc, INSERT));
        tx.executeWithoutResult(status -> wakeRelayAfterCommit());
    }
}
