package com.brandclosure.benchmarks;

import com.brandclosure.events.EventCatalog;
import com.brandclosure.events.IntegrationEvent;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.outbox.Envelope;
import com.brandclosure.testkit.Infrastructure;
import com.brandclosure.testkit.RealInfrastructureContextCustomizerFactory;
import com.brandclosure.testkit.TestTokens;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/**
 * What every harness shares: this JVM's real Kafka and PostgreSQL (the test kit's, with PostgreSQL at
 * production durability), services started in-process on them, raw clients, and the machine-readable
 * {@code RESULT <key> <value> <unit>} lines that {@code benchmarks/run-all.sh} collects.
 */
public final class Bench {

    private Bench() {
    }

    /** A harness body. */
    public interface Body {
        void run() throws Exception;
    }

    /**
     * Runs a harness and ends the JVM: 0 if it finished, 1 if it threw. Without the explicit exit the
     * broker's and the services' non-daemon threads would keep the JVM alive.
     */
    public static void main(String harness, Body body) {
        long start = System.nanoTime();
        try {
            body.run();
            System.out.printf("%s finished in %.0f s%n", harness, seconds(start));
            System.out.flush();
        } catch (Throwable e) {
            System.out.flush();
            System.err.println(harness + " FAILED:");
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    /**
     * This JVM's Kafka broker and PostgreSQL server, started on the first call. The in-process PostgreSQL
     * runs with fsync, synchronous_commit and full_page_writes on (the test suite's run with them off):
     * benchmarks measure what a commit costs in production.
     */
    public static Infrastructure infrastructure() {
        System.setProperty(Infrastructure.DURABILITY_PROPERTY, "production");
        Infrastructure infra = Infrastructure.get();
        System.out.printf("infrastructure: %s, %d cores%n", infra.path(), Runtime.getRuntime().availableProcessors());
        return infra;
    }

    /** One machine-readable figure; {@code unit} may be empty (for settings). */
    public static void result(String key, Object value, String unit) {
        String text = value instanceof Double d ? format(d) : String.valueOf(value);
        System.out.println(("RESULT " + key + " " + text + " " + unit).strip());
    }

    private static String format(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return String.valueOf(value);
        }
        double magnitude = Math.abs(value);
        return String.format(Locale.ROOT, magnitude >= 100 ? "%.0f" : magnitude >= 1 ? "%.2f" : "%.3f", value);
    }

    /**
     * The durability settings the server reports ({@code SHOW}, not what was asked for), as RESULT lines:
     * {@code infrastructure.fsync}, {@code infrastructure.synchronous_commit}, {@code infrastructure.full_page_writes}.
     */
    public static void durability(JdbcTemplate jdbc) {
        for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
            result("infrastructure." + setting, jdbc.queryForObject("SHOW " + setting, String.class), "");
        }
    }

    /**
     * Spring Boot properties of a service started in-process on this JVM's infrastructure: its database,
     * its Kafka principal, JWT mode with the test key. Every service jar on the benchmarks' classpath has an
     * application.yml at its root and the first one found wins, so what differs per service (name,
     * migrations) is named here.
     *
     * @param migrations the service's Flyway folder under {@code db/} (next to {@code db/platform})
     */
    public static Map<String, Object> serviceProperties(String database, String name, String migrations) {
        var properties = new HashMap<String, Object>(RealInfrastructureContextCustomizerFactory.properties(database,
                RealInfrastructureContextCustomizerFactory.principalOf(name)));
        properties.putAll(TestTokens.properties());
        properties.put("server.port", "0");
        properties.put("spring.application.name", name);
        properties.put("spring.flyway.locations", "classpath:db/platform,classpath:db/" + migrations);
        properties.put("spring.kafka.consumer.group-id", name + "-bench");
        properties.put("spring.kafka.consumer.auto-offset-reset", "earliest");
        properties.put("logging.level.root", "WARN");
        return properties;
    }

    /**
     * Starts a service on a fresh database. The properties go in as command-line arguments, which outrank
     * the application.yml ({@code builder.properties(..)} would be defaults, below it).
     */
    public static ConfigurableApplicationContext start(Map<String, Object> properties, Class<?>... sources) {
        String[] args = properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue())
                .toArray(String[]::new);
        return new SpringApplicationBuilder(sources).run(args);
    }

    /** A started service's HTTP port. */
    public static int port(ConfigurableApplicationContext app) {
        return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
    }

    /**
     * Creates the topics that do not exist yet and has the broker stamp every record of them with its own
     * append time ({@code message.timestamp.type=LogAppendTime}): latencies between records of these topics
     * are then broker time to broker time, whatever the producers' clocks or lingering.
     */
    public static void brokerTimestamps(Infrastructure infra, String... topics) {
        infra.createTopics(topics);
        Map<ConfigResource, Collection<AlterConfigOp>> changes = new HashMap<>();
        for (String topic : topics) {
            changes.put(new ConfigResource(ConfigResource.Type.TOPIC, topic), List.of(new AlterConfigOp(
                    new ConfigEntry("message.timestamp.type", "LogAppendTime"), AlterConfigOp.OpType.SET)));
        }
        // A topic just created, and a config just altered, reach the broker's metadata a moment later:
        // retry until the broker reports LogAppendTime for every topic (a figure taken on CreateTime topics
        // would silently measure something else).
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        try (var admin = AdminClient.create(infra.kafkaAdminProperties())) {
            while (true) {
                try {
                    admin.incrementalAlterConfigs(changes).all().get();
                    var described = admin.describeConfigs(changes.keySet()).all().get();
                    if (described.values().stream().allMatch(
                            c -> "LogAppendTime".equals(c.get("message.timestamp.type").value()))) {
                        return;
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("cannot set LogAppendTime on " + Arrays.toString(topics),
                                e.getCause());
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the broker does not report LogAppendTime on "
                            + Arrays.toString(topics));
                }
                Thread.sleep(200);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A raw producer as {@code admin} (plays the upstream services and tracking systems, which may write every
     * topic): acks=all, and {@code extra} on top (e.g. linger and batch size).
     */
    public static KafkaProducer<String, String> producer(Infrastructure infra, Map<String, Object> extra) {
        var config = new HashMap<>(infra.kafkaAdminProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.putAll(extra);
        return new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
    }

    /** A raw consumer as {@code admin} in a group of its own, from the earliest offset; {@code extra} on top. */
    public static KafkaConsumer<String, String> consumer(Infrastructure infra, String purpose, Map<String, Object> extra) {
        var config = new HashMap<>(infra.kafkaAdminProperties());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-" + purpose + "-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.putAll(extra);
        return new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    }

    /**
     * An integration event as the services' relays put it on Kafka: keyed by account, the envelope as value,
     * {@code event-id} and {@code event-type} headers.
     */
    public static ProducerRecord<String, String> record(JsonCodec json, String topic, IntegrationEvent event,
                                                        Instant at) {
        String id = UUID.randomUUID().toString();
        String type = EventCatalog.nameOf(event.getClass());
        String envelope = json.write(new Envelope(id, type, 1, event.accountId(), at, "benchmark", id, null,
                json.tree(event)));
        var record = new ProducerRecord<>(topic, event.accountId(), envelope);
        record.headers().add(new RecordHeader("event-id", id.getBytes(StandardCharsets.UTF_8)));
        record.headers().add(new RecordHeader("event-type", type.getBytes(StandardCharsets.UTF_8)));
        return record;
    }

    /** Polls until the condition holds; throws when {@code max} is up (a harness waiting for its figure, not a test). */
    public static void waitFor(String what, Duration max, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out after " + max + " waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    /** The nearest-rank percentile ({@code 0 < p <= 100}) of unsorted values. */
    public static long percentile(long[] values, double p) {
        if (values.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    public static long percentile(Collection<Long> values, double p) {
        return percentile(values.stream().mapToLong(Long::longValue).toArray(), p);
    }

    public static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }
}
