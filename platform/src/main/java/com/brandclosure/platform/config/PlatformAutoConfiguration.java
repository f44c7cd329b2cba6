package com.brandclosure.platform.config;

import com.brandclosure.platform.eventstore.AccountLocks;
import com.brandclosure.platform.closure.ClosureRequests;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.eventstore.EventStore;
import com.brandclosure.platform.eventstore.EventTypeRegistry;
import com.brandclosure.platform.crypto.DataKeys;
import com.brandclosure.platform.crypto.KeyWrapping;
import com.brandclosure.platform.crypto.MasterKeyWrapping;
import com.brandclosure.platform.crypto.PersonalData;
import com.brandclosure.platform.eventstore.EventTypes;
import com.brandclosure.platform.shredding.AccountDataShredded;
import com.brandclosure.platform.shredding.Redaction;
import com.brandclosure.platform.shredding.Shredding;
import com.brandclosure.platform.shredding.ShreddingTimer;
import com.brandclosure.platform.command.CommandRunner;
import com.brandclosure.platform.command.Projection;
import com.brandclosure.platform.command.Publication;
import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.inbox.Failures;
import com.brandclosure.platform.inbox.MalformedMessageException;
import com.brandclosure.platform.json.JsonCodec;
import com.brandclosure.platform.json.StrictJson;
import com.brandclosure.platform.outbox.Outbox;
import com.brandclosure.platform.outbox.OutboxNotifications;
import com.brandclosure.platform.outbox.OutboxRelay;
import com.brandclosure.platform.tracing.Traces;
import io.micrometer.tracing.Tracer;
import com.brandclosure.platform.ops.DeadLetters;
import com.brandclosure.platform.ops.OpsQueries;
import com.brandclosure.platform.retention.RetentionJob;
import com.brandclosure.platform.time.AdjustableClock;
import com.brandclosure.platform.time.ClockController;
import com.brandclosure.platform.timers.DurableTimers;
import com.brandclosure.platform.timers.ParkedTimers;
import com.brandclosure.platform.timers.SchedulerLifecycle;
import com.brandclosure.platform.timers.TimerHandler;
import com.brandclosure.platform.timers.TimerKind;
import com.brandclosure.platform.timers.TimerRetries;
import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import com.brandclosure.events.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.backoff.FixedBackOff;
import tools.jackson.databind.json.JsonMapper;

import javax.sql.DataSource;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Wires the platform into every service: event store, outbox and relay, inbox and dead-letter
 * handling, durable timers, retention, JSON and clock. A service adds only its
 * {@link EventTypes}, {@link TimerHandler}s and Flyway migrations.
 */
@AutoConfiguration(afterName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration"})
@EnableConfigurationProperties(PlatformProperties.class)
public class PlatformAutoConfiguration {

    public static final String RETENTION_TASK = "platform-retention";

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBooleanProperty(name = "platform.clock.adjustable", havingValue = false, matchIfMissing = true)
    Clock clock() {
        return Clock.systemUTC();
    }

    /** Local profile only: a clock the demo can move forward (see {@link AdjustableClock}). */
    @Bean
    @ConditionalOnMissingBean(Clock.class)
    @ConditionalOnBooleanProperty(name = "platform.clock.adjustable")
    AdjustableClock adjustableClock() {
        return new AdjustableClock(Clock.systemUTC());
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "platform.clock.adjustable")
    @ConditionalOnWebApplication
    @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
    ClockController clockController(AdjustableClock clock) {
        return new ClockController(clock);
    }

    /** Event, command and request ids. */
    @Bean
    @ConditionalOnMissingBean(name = "idSource")
    Supplier<UUID> idSource() {
        return UUID::randomUUID;
    }

    @Bean
    CommandContexts commandContexts(Clock clock, Supplier<UUID> idSource) {
        return new CommandContexts(clock, idSource);
    }

    /**
     * The web layer reads request bodies strictly ({@link StrictJson}: no bent numbers, unknown
     * fields, duplicate keys, NUL or overlong strings); stored and published JSON is read
     * leniently (see JsonCodec).
     */
    @Bean
    JsonMapperBuilderCustomizer platformJsonCustomizer(PlatformProperties properties) {
        return builder -> StrictJson.strict(builder, properties.getWeb().getMaxStringLength());
    }

    @Bean
    JsonCodec jsonCodec(JsonMapper jsonMapper) {
        return new JsonCodec(jsonMapper);
    }

    @Bean
    TransactionTemplate transactionTemplate(PlatformTransactionManager transactionManager) {
        return new TransactionTemplate(transactionManager);
    }

    @Bean
    EventTypeRegistry eventTypeRegistry(List<EventTypes> contributions) {
        return new EventTypeRegistry(contributions);
    }

    @Bean
    EventStore eventStore(JdbcTemplate jdbc, TransactionTemplate tx, EventTypeRegistry types, JsonCodec json,
                          PlatformProperties properties, PersonalData personal) {
        return new EventStore(jdbc, tx, types, json, properties.getEventStore().getSnapshotEvery(), personal);
    }

    /** The master key from configuration; a KMS replaces it by declaring its own {@link KeyWrapping} bean. */
    @Bean
    @ConditionalOnMissingBean(KeyWrapping.class)
    KeyWrapping masterKeyWrapping(PlatformProperties properties) {
        return new MasterKeyWrapping(properties.getCrypto().getMasterKey());
    }

    @Bean
    DataKeys dataKeys(JdbcTemplate jdbc, KeyWrapping wrapping) {
        return new DataKeys(jdbc, wrapping);
    }

    @Bean
    PersonalData personalData(DataKeys keys, JsonCodec json) {
        return new PersonalData(keys, json);
    }

    /** The platform's own stored event (the evidence of a shredding). */
    @Bean
    EventTypes platformEventTypes() {
        return EventTypes.create().add("AccountDataShredded", AccountDataShredded.class);
    }

    @Bean
    Shredding shredding(CommandRunner runner, DataKeys keys, DurableTimers timers, EventStore eventStore,
                        JdbcTemplate jdbc, Clock clock, Supplier<UUID> idSource, PlatformProperties properties,
                        ObjectProvider<Redaction> redactions, org.springframework.core.env.Environment environment) {
        return new Shredding(runner, keys, timers, eventStore, jdbc, clock, idSource,
                properties.getShredding().getRetention(), redactions.orderedStream().toList(),
                environment.getProperty("spring.application.name", "unknown"));
    }

    @Bean
    ShreddingTimer shreddingTimer(ObjectProvider<Shredding> shredding) {
        return new ShreddingTimer(shredding.getObject());
    }

    /** The current trace as a traceparent, and traces continued from one (platform.tracing). */
    @Bean
    @ConditionalOnMissingBean
    Traces traces(ObjectProvider<Tracer> tracer) {
        return new Traces(tracer.getIfAvailable(() -> Tracer.NOOP));
    }

    @Bean
    Outbox outbox(JdbcTemplate jdbc, TransactionTemplate tx, JsonCodec json, ObjectProvider<OutboxRelay> relay,
                  Traces traces, PersonalData personal) {
        return new Outbox(jdbc, tx, json, relay::getIfAvailable, traces, personal);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "platform.outbox.relay-enabled", matchIfMissing = true)
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate tx, KafkaProperties kafka,
                            PlatformProperties properties, Clock clock,
                            ObjectProvider<OutboxRelay.AfterSendHook> hook,
                            ObjectProvider<NewTopic> topics) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        config.putIfAbsent(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + UUID.randomUUID());
        // A topic the broker does not have would block each send this long before failing.
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        // Every topic a service may publish to is created at start-up (the system's topics below and any
        // NewTopic bean): a row for any other topic is a bug, parked at once instead of blocking the relay.
        java.util.Set<String> known = new java.util.HashSet<>();
        systemTopics(properties).forEach(t -> known.add(t.name()));
        topics.orderedStream().forEach(t -> known.add(t.name()));
        return new OutboxRelay(jdbc, () -> new KafkaProducer<>(config, new StringSerializer(), new StringSerializer()),
                properties.getOutbox().getBatchSize(), properties.getOutbox().getPollInterval(), clock,
                hook.getIfAvailable(() -> n -> { }), known::contains);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "platform.outbox.relay-enabled", matchIfMissing = true)
    OutboxNotifications outboxNotifications(DataSource dataSource, OutboxRelay relay) {
        return new OutboxNotifications(dataSource, relay);
    }

    @Bean
    CommandRunner commandRunner(TransactionTemplate tx, AccountLocks locks, EventStore eventStore, Outbox outbox,
                                DurableTimers timers, ObjectProvider<Projection> projections,
                                ObjectProvider<Publication> publications, PlatformProperties properties) {
        return new CommandRunner(tx, locks, eventStore, outbox, timers, projections.orderedStream().toList(),
                publications.orderedStream().toList(), properties.getEventStore().getCommandMaxAttempts());
    }

    @Bean
    InboundBatches inboundBatches(JsonCodec json, JdbcTemplate jdbc, CommandRunner runner, DeadLetters deadLetters,
                                  org.springframework.core.env.Environment environment, Traces traces) {
        return new InboundBatches(json, jdbc, runner, deadLetters,
                environment.getProperty("spring.application.name", "unknown"), traces);
    }

    @Bean
    ClosureRequests closureRequests(InboundBatches inbound, CommandContexts contexts) {
        return new ClosureRequests(inbound, contexts);
    }

    /**
     * Bounded retries, then the record goes to {@code <topic>.DLT} with the exception in its
     * headers and the partition moves on. Malformed records skip the retries.
     */
    @Bean
    @SuppressWarnings("unchecked")
    DeadLetters deadLetters(JdbcTemplate jdbc, KafkaOperations<?, ?> kafka,
                            org.springframework.core.env.Environment environment) {
        var publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, e) -> new TopicPartition(record.topic() + ".DLT", -1));
        String consumer = environment.getProperty("spring.kafka.consumer.group-id",
                environment.getProperty("spring.application.name", "unknown"));
        return new DeadLetters(jdbc, consumer, publisher, (KafkaOperations<Object, Object>) kafka);
    }

    @Bean
    OpsQueries opsQueries(JdbcTemplate jdbc, Clock clock) {
        return new OpsQueries(jdbc, clock);
    }

    /**
     * A record that fails on its content is retried a bounded number of times, then goes to
     * {@code <topic>.DLT} with the exception in its headers and the partition moves on; malformed
     * records skip the retries. A failure of the infrastructure ({@link Failures#isTransient}: database
     * or broker unavailable, lock timeout) is retried with growing backoff, without end, until it
     * passes: nothing is dead-lettered for it. Batch listeners ({@link InboundBatches}) dead-letter and
     * park content failures themselves and throw only for infrastructure failures, so their poll takes
     * the unbounded path (the container pauses the consumer between attempts, so no rebalance).
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    CommonErrorHandler platformKafkaErrorHandler(DeadLetters recoverer, PlatformProperties properties) {
        var consumer = properties.getConsumer();
        var untilItPasses = new org.springframework.util.backoff.ExponentialBackOff(
                Math.max(1, consumer.getRetryBackoff().toMillis()), 2.0);
        untilItPasses.setMaxInterval(10_000);
        // The recoverer never dead-letters a record for a failure of the infrastructure. Spring Kafka's batch
        // retry re-classifies when the exception's class changes during an outage (an I/O error, then "cannot
        // open a connection") and may call the recoverer whatever the back-off says; refusing here makes it
        // re-seek the poll and retry it instead (PostgresOutageIT).
        org.springframework.kafka.listener.ConsumerRecordRecoverer neverTransient = (record, e) -> {
            if (Failures.isTransient(e)) {
                throw new org.springframework.kafka.KafkaException("not dead-lettering " + record.topic() + "-"
                        + record.partition() + "@" + record.offset() + " for a failure of the infrastructure; "
                        + "retrying the poll", e);
            }
            recoverer.accept(record, e);
        };
        var handler = new DefaultErrorHandler(neverTransient, untilItPasses);
        handler.setBackOffFunction((record, e) -> Failures.isTransient(e) ? null
                : new FixedBackOff(consumer.getRetryBackoff().toMillis(), Math.max(0, consumer.getMaxAttempts() - 1)));
        handler.addNotRetryableExceptions(MalformedMessageException.class);
        return handler;
    }

    /**
     * Every topic of the system and its dead-letter topic, created at start-up if missing (Spring
     * Kafka's KafkaAdmin does it), so no producer races a broker's auto-creation. On a broker with the
     * system's ACLs (kafka-access) a service may not create topics: the broker set-up has created them,
     * and KafkaAdmin (DESCRIBE on every system topic) finds them all and creates nothing.
     */
    @Bean
    KafkaAdmin.NewTopics platformTopics(PlatformProperties properties) {
        return new KafkaAdmin.NewTopics(systemTopics(properties).toArray(NewTopic[]::new));
    }

    private static List<NewTopic> systemTopics(PlatformProperties properties) {
        var kafka = properties.getKafka();
        List<NewTopic> topics = new ArrayList<>();
        for (String name : List.of(Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG, Topics.CLOSURE,
                Topics.ACTIONS_INGEST)) {
            topics.add(new NewTopic(name, kafka.getPartitions(), kafka.getReplicationFactor()));
            topics.add(new NewTopic(name + Topics.DEAD_LETTER_SUFFIX, kafka.getPartitions(), kafka.getReplicationFactor()));
        }
        return topics;
    }

    @Bean
    RetentionJob retentionJob(JdbcTemplate jdbc, Clock clock, PlatformProperties properties,
                              ObjectProvider<com.brandclosure.platform.retention.RetentionPolicy> policies) {
        var retention = properties.getRetention();
        return new RetentionJob(jdbc, clock, retention.getOutbox(), retention.getProcessedMessages(),
                retention.getReplayedDeadLetters(), retention.getDeadLetters(), policies.orderedStream().toList());
    }

    /**
     * One db-scheduler task per {@link TimerHandler} kind. Handlers are looked up when a timer
     * fires, not when the scheduler is built: a handler may itself depend on {@link DurableTimers}
     * (through the service it calls) without a bean cycle.
     */
    @Bean
    Map<String, Task<String>> timerTasks(ObjectProvider<TimerHandler> handlers,
                                         org.springframework.beans.factory.ListableBeanFactory beans,
                                         TimerRetries retries) {
        Map<String, Task<String>> tasks = new HashMap<>();
        for (String beanName : beans.getBeanNamesForType(TimerHandler.class)) {
            String kind = kindOf(beans, beanName);
            Task<String> task = Tasks.oneTime(kind, String.class)
                    .onFailure(retries)
                    .execute((instance, ctx) -> {
                        handlerOf(handlers, kind).fire(instance.getId(), instance.getData());
                        if (ctx.getExecution().consecutiveFailures > 0) {
                            retries.succeeded(kind, instance.getId());
                        }
                    });
            if (tasks.put(kind, task) != null) {
                throw new IllegalStateException("two TimerHandler beans for timer kind " + kind);
            }
        }
        return tasks;
    }

    private static String kindOf(org.springframework.beans.factory.ListableBeanFactory beans, String beanName) {
        // The kind must be known before the handler bean (and what it depends on) is created.
        TimerKind annotation = beans.findAnnotationOnBean(beanName, TimerKind.class);
        if (annotation == null) {
            throw new IllegalStateException("TimerHandler bean " + beanName + " must be a class annotated with "
                    + "@TimerKind (the one way a timer kind is named)");
        }
        return annotation.value();
    }

    private static TimerHandler handlerOf(ObjectProvider<TimerHandler> handlers, String kind) {
        return handlers.orderedStream().filter(h -> h.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no TimerHandler for kind " + kind));
    }

    @Bean
    Scheduler dbScheduler(DataSource dataSource, Map<String, Task<String>> timerTasks, RetentionJob retention,
                          PlatformProperties properties, Clock clock) {
        var retentionTask = Tasks.recurring(RETENTION_TASK, Schedules.fixedDelay(properties.getRetention().getInterval()))
                .execute((instance, ctx) -> retention.purge());
        return SchedulerLifecycle.build(new TransactionAwareDataSourceProxy(dataSource),
                List.copyOf(timerTasks.values()), retentionTask, properties.getTimers(), clock);
    }

    @Bean
    @ConditionalOnBooleanProperty(name = "platform.timers.enabled", matchIfMissing = true)
    SchedulerLifecycle schedulerLifecycle(Scheduler scheduler) {
        return new SchedulerLifecycle(scheduler);
    }

    @Bean
    TimerRetries timerRetries(JdbcTemplate jdbc, TransactionTemplate tx, PlatformProperties properties) {
        var timers = properties.getTimers();
        return new TimerRetries(jdbc, tx, timers.getMaxAttempts(), timers.getRetryBackoff(), timers.getMaxRetryBackoff());
    }

    @Bean
    DurableTimers durableTimers(Scheduler scheduler, Map<String, Task<String>> timerTasks, JdbcTemplate jdbc,
                                Clock clock) {
        return new DurableTimers(scheduler, timerTasks, jdbc, clock, scheduler::triggerCheckForDueExecutions);
    }

    @Bean
    ParkedTimers parkedTimers(JdbcTemplate jdbc, TransactionTemplate tx, DurableTimers timers, Clock clock) {
        return new ParkedTimers(jdbc, tx, timers, clock);
    }

    @Bean
    AccountLocks accountLocks(JdbcTemplate jdbc, PlatformProperties properties) {
        // Refuses every unit of work on a shredded account (platform.shredding) in the locking round trip.
        return new AccountLocks(jdbc, properties.getEventStore().getLockTimeout(), true);
    }
}
