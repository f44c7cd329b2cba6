package com.brandclosure.platform.inbox;

import com.brandclosure.events.EventCatalog;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.outbox.Envelope;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.function.Consumer;

/**
 * Decodes consumed envelopes into integration events and applies each once per consumer (via
 * the {@link Inbox}). A record that is not a valid envelope of a known type throws
 * {@link MalformedMessageException}, which the error handler sends to the dead-letter topic
 * without retrying; any other failure is retried a bounded number of times first.
 */
public class InboundEvents {

    // Looked up per record: a copy made once, not per call.
    private static final java.util.Map<String, Class<? extends IntegrationEvent>> TYPES = EventCatalog.all();

    private final JsonCodec json;
    private final Inbox inbox;

    public InboundEvents(JsonCodec json, Inbox inbox) {
        this.json = json;
        this.inbox = inbox;
    }

    public InboundEvent decode(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            throw new MalformedMessageException("empty record value at " + where(record));
        }
        Envelope envelope;
        try {
            envelope = json.read(record.value(), Envelope.class);
        } catch (RuntimeException e) {
            throw new MalformedMessageException("record at " + where(record) + " is not a JSON envelope: "
                    + e.getMessage(), e);
        }
        if (envelope.eventId() == null || envelope.eventId().isBlank() || envelope.type() == null
                || envelope.payload() == null || envelope.occurredAt() == null) {
            throw new MalformedMessageException("envelope at " + where(record)
                    + " lacks eventId, type, occurredAt or payload");
        }
        Class<? extends IntegrationEvent> type = TYPES.get(envelope.type());
        if (type == null) {
            throw new MalformedMessageException("unknown event type '" + envelope.type() + "' at " + where(record));
        }
        IntegrationEvent event;
        try {
            event = json.convert(envelope.payload(), type);
        } catch (RuntimeException e) {
            throw new MalformedMessageException("payload of " + envelope.type() + " at " + where(record)
                    + " does not match its schema: " + e.getMessage(), e);
        }
        if (event.accountId() == null || !event.accountId().equals(record.key())) {
            throw new MalformedMessageException("payload accountId " + event.accountId() + " does not match record key "
                    + record.key() + " at " + where(record));
        }
        return new InboundEvent(envelope, event, record.topic(), record.partition(), record.offset());
    }

    /** Decodes the record and applies {@code effect} once for {@code consumer}. True if it ran. */
    public boolean handle(String consumer, ConsumerRecord<String, String> record, Consumer<InboundEvent> effect) {
        InboundEvent event = decode(record);
        return inbox.processOnce(consumer, event.eventId(), () -> effect.accept(event));
    }

    private static String where(ConsumerRecord<?, ?> r) {
        return r.topic() + "-" + r.partition() + "@" + r.offset();
    }
}
