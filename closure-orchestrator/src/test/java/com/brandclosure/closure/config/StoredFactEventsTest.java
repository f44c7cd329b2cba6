package com.brandclosure.closure.config;

import com.brandclosure.closure.domain.AccountClosureEvent.PreconditionMet;
import com.brandclosure.closure.domain.AccountClosureEvent.PreconditionRetracted;
import com.brandclosure.closure.domain.Fact;
import com.brandclosure.closure.domain.Precondition;
import com.brandclosure.closure.domain.SourceEvent;
import com.brandclosure.platform.eventstore.EventTypeRegistry;
import com.brandclosure.platform.json.JsonCodec;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Saga events stored before sources published versions still load, with the source version unknown (0). */
class StoredFactEventsTest {

    final EventTypeRegistry registry = new EventTypeRegistry(List.of(new ClosureConfiguration().closureEventTypes()));
    final JsonCodec json = new JsonCodec(JsonMapper.builder().build());

    static final String V1_SOURCE = """
            {"eventId":"e-1","occurredAt":"2026-03-02T10:00:00Z","topic":"funding.events","partition":2,"offset":17}""";

    @Test
    void aVersionOneFactEventLoadsWithAnUnknownSourceVersion() {
        String stored = """
                {"fact":{"precondition":"FUNDING_SUFFICIENT","holds":true,"source":%s,"lockDate":null,\
                "balanceMinor":5000},"at":"2026-03-02T10:00:01Z"}""".formatted(V1_SOURCE);
        Object read = registry.read(json, "PreconditionMet", 1, stored, "closure-acme", 3);
        assertThat(read).isEqualTo(new PreconditionMet(new Fact(Precondition.FUNDING_SUFFICIENT, true,
                new SourceEvent("e-1", Instant.parse("2026-03-02T10:00:00Z"), "funding.events", 2, 17, 0), null,
                5000L), Instant.parse("2026-03-02T10:00:01Z")));
    }

    @Test
    void aVersionOneRetractionLoadsToo() {
        String stored = """
                {"fact":{"precondition":"CATALOGS_DELETED","holds":false,"source":%s,"lockDate":null,\
                "balanceMinor":null},"at":"2026-03-02T10:00:01Z"}""".formatted(V1_SOURCE);
        var read = (PreconditionRetracted) registry.read(json, "PreconditionRetracted", 1, stored, "closure-acme", 4);
        assertThat(read.fact().source().sourceVersion()).isZero();
        assertThat(read.fact().source().offset()).isEqualTo(17);
    }

    @Test
    void factEventsAreWrittenAtVersionTwoWithTheSourceVersion() {
        assertThat(registry.currentVersionOf(PreconditionMet.class)).isEqualTo(2);
        assertThat(registry.currentVersionOf(PreconditionRetracted.class)).isEqualTo(2);
        var event = new PreconditionMet(Fact.holds(Precondition.CONTRACTS_EXPIRED,
                new SourceEvent("e-2", Instant.parse("2026-03-02T10:00:00Z"), "contracts.events", 0, 5, 9)),
                Instant.parse("2026-03-02T10:00:01Z"));
        assertThat(registry.read(json, "PreconditionMet", 2, json.write(event), "closure-acme", 5)).isEqualTo(event);
    }
}
