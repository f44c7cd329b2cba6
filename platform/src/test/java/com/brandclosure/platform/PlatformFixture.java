package com.brandclosure.platform;

import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.EventTypeRegistry;
import com.brandclosure.platform.eventstore.EventTypes;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.outbox.OutboxRelay;
import com.brandclosure.testkit.Infrastructure;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The platform's parts wired by hand over a fresh database of the shared real PostgreSQL and
 * the shared real Kafka: for tests and benchmarks that need several relays, crashes or raw
 * figures, which a single Spring context would hide.
 */
public final class PlatformFixture implements AutoCloseable {

    public final HikariDataSource dataSource;
    public final JdbcTemplate jdbc;
    public final TransactionTemplate tx;
    public final JsonCodec json;
    public final EventStore eventStore;
    public final Outbox outbox;
    public final String kafkaBootstrapServers;

    public PlatformFixture(String database, EventTypes types, int poolSize) {
        Infrastructure infra = Infrastructure.get();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(infra.freshDatabase(database) + "?reWriteBatchedInserts=true");
        config.setUsername(infra.postgresUser());
        config.setPassword(infra.postgresPassword());
        config.setMaximumPoolSize(poolSize);
        dataSource = new HikariDataSource(config);
        Flyway.configure().dataSource(dataSource).locations("classpath:db/platform").load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        tx = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        json = new JsonCodec(JsonMapper.builder().build());
        eventStore = new EventStore(jdbc, tx, new EventTypeRegistry(List.of(types)), json, 100);
        outbox = new Outbox(jdbc, tx, json);
        kafkaBootstrapServers = infra.kafkaBootstrapServers();
    }

    /** A relay as the auto-configuration builds it (acks=all, idempotent), with a test hook. */
    public OutboxRelay relay(int batchSize, OutboxRelay.AfterSendHook hook) {
        return relay(batchSize, hook, topic -> true);
    }

    /** As above, parking rows for topics {@code knownTopic} refuses, as the auto-configuration does. */
    public OutboxRelay relay(int batchSize, OutboxRelay.AfterSendHook hook,
                             java.util.function.Predicate<String> knownTopic) {
        // As admin: the relay publishes to the tests' own topics, which no service principal may write.
        var config = new java.util.HashMap<String, Object>(Infrastructure.get().kafkaAdminProperties());
        config.putAll(Map.<String, Object>of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 5,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4"));
        java.util.function.Supplier<org.apache.kafka.clients.producer.Producer<String, String>> producers =
                () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        return new OutboxRelay(jdbc, producers, batchSize, Duration.ofMillis(200), Clock.systemUTC(), hook, knownTopic);
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
