package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.platform.outbox.Envelope;
import com.brandclosure.testkit.KafkaProbe;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/** What the services publish, read from Kafka as any other consumer would, and what tests publish to them. */
final class Events {

    /**
     * A healthy run needs seconds. Under the chaos journey's compound faults (an instance killed while another
     * restarts, then the broker restarting) a consumer group's rebalance can wait for a member busy retrying
     * for up to {@code max.poll.interval.ms} (5 min) before it moves on: the brands get there, later. Only a
     * failing wait takes this long.
     */
    static final Duration PATIENCE = Duration.ofMinutes(6);

    private final KafkaProbe probe;
    /** Sends as the {@code tracking} principal, the only one allowed to publish conversions. */
    private final KafkaProbe tracking;
    private final Map<String, Object> adminProperties;

    Events(KafkaProbe probe, KafkaProbe tracking, Map<String, Object> adminProperties) {
        this.probe = probe;
        this.tracking = tracking;
        this.adminProperties = Map.copyOf(adminProperties);
    }

    /** An event as it travelled: its topic position and the envelope. */
    record Event(ConsumerRecord<String, String> record, Envelope envelope) {
        String type() {
            return envelope.type();
        }

        String eventId() {
            return envelope.eventId();
        }

        JsonNode payload() {
            return envelope.payload();
        }

        String text(String field) {
            JsonNode n = envelope.payload().get(field);
            return n == null || n.isNull() ? null : n.asString();
        }
    }

    /** Every record of {@code type} for the account on {@code topic}, in topic order (redeliveries included). */
    List<Event> all(String topic, String account, String type) {
        return probe.records(r -> r.topic().equals(topic) && account.equals(r.key())
                        && type.equals(KafkaProbe.header(r, "event-type")))
                .stream().map(r -> new Event(r, Http.JSON.readValue(r.value(), Envelope.class))).toList();
    }

    /** Records of {@code type} counted by event id: a re-sent record (same id) is the same event. */
    long distinct(String topic, String account, String type) {
        return all(topic, account, type).stream().map(Event::eventId).distinct().count();
    }

    /** Waits until at least {@code count} distinct events of {@code type} for the account were published. */
    List<Event> awaitCount(String topic, String account, String type, int count) {
        await(type + " x" + count + " for " + account + " on " + topic).atMost(PATIENCE)
                .until(() -> distinct(topic, account, type) >= count);
        return all(topic, account, type);
    }

    /** Waits for the first event of {@code type} for the account. */
    Event awaitOne(String topic, String account, String type) {
        return awaitCount(topic, account, type, 1).getFirst();
    }

    /**
     * Waits until a service's consumer group has committed past {@code event}: the service has applied
     * it (Spring Kafka commits after the listener returned, and the effect commits before). Used where
     * a test's next input races the service's consumption of an earlier event on another topic, e.g.
     * a tracked conversion must not arrive before payouts-service knows the contract it falls under.
     */
    void awaitConsumed(String group, Event event) {
        var tp = new TopicPartition(event.record().topic(), event.record().partition());
        try (var admin = AdminClient.create(adminProperties)) {
            await(group + " consumed " + event.type() + " at " + tp + "@" + event.record().offset())
                    .atMost(PATIENCE).ignoreExceptions()
                    .until(() -> {
                        Map<TopicPartition, OffsetAndMetadata> offsets =
                                admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                        OffsetAndMetadata committed = offsets.get(tp);
                        return committed != null && committed.offset() > event.record().offset();
                    });
        }
    }

    /**
     * Publishes a tracked conversion on the ingest topic exactly as a tracking system does: a platform
     * envelope of type ConversionTracked, keyed by the account (payouts-service README).
     */
    void trackConversion(String account, String actionId, String partnerId, Instant eventAt, Instant reportedAt,
                         long costMinor, String currency) {
        var payload = Http.JSON.createObjectNode()
                .put("accountId", account)
                .put("actionId", actionId)
                .put("partnerId", partnerId)
                .putNull("contractId")
                .put("eventAt", eventAt.toString())
                .put("reportedAt", reportedAt.toString())
                .put("costMinor", costMinor)
                .put("currency", currency);
        var envelope = new Envelope(UUID.randomUUID().toString(), "ConversionTracked", 1, account, reportedAt,
                "tracker-system-tests", UUID.randomUUID().toString(), null, payload);
        tracking.send(Topics.ACTIONS_INGEST, account, Http.JSON.writeValueAsString(envelope));
    }
}
