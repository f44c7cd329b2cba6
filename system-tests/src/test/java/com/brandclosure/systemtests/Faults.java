package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.Infrastructure;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The faults the chaos journey injects into the running system, each logged as it happens. A fault that
 * disturbs the services' own requests (a restart of the broker or of PostgreSQL, a kill) holds the write side
 * of {@link #calm}; the brands' HTTP commands hold its read side, so a command is never cut halfway (its outcome
 * would be unknown to the script) while the services' own work (consumers, relays, timers) is cut mid-flight.
 */
final class Faults {

    private static final Logger log = LoggerFactory.getLogger(Faults.class);

    /** The kinds, in the words; each is injected at least once per run. */
    enum Kind {
        BROKER_RESTART, KILL_ONE_INSTANCE, KILL_BOTH_INSTANCES_TIMER_DUE, TERMINATE_CONNECTIONS, POSTGRES_RESTART,
        OFFSETS_RESET, REBALANCE, POISON_RECORDS
    }

    record Injected(Kind kind, String target, String detail) {
        @Override
        public String toString() {
            return kind + "(" + target + (detail.isEmpty() ? "" : ": " + detail) + ")";
        }
    }

    static final List<String> MODULES = List.of(RunningSystem.ORCHESTRATOR, RunningSystem.CONTRACTS,
            RunningSystem.PAYOUTS, RunningSystem.FUNDING, RunningSystem.CATALOG);

    /** About as long as a service takes to start on a busy machine. */
    private static final int ASK_AGAIN_FOR = 120;

    final ReentrantReadWriteLock calm = new ReentrantReadWriteLock(true);
    final List<Injected> injected = java.util.Collections.synchronizedList(new ArrayList<>());
    private final RunningSystem system;
    private final Infrastructure infrastructure;
    private final Random random;
    private final List<Thread> restarts = new ArrayList<>();

    Faults(RunningSystem system, Random random) {
        this.system = system;
        this.infrastructure = system.infrastructure;
        this.random = random;
    }

    /**
     * Runs {@code command} while no disturbing fault is in progress. Like any client, it asks again when the
     * service answers 503 (the database or broker was away: right after a restart the pool still meets a dead
     * connection or two) or cannot be reached (both instances restarting), after the {@code Retry-After}
     * second, for up to {@value #ASK_AGAIN_FOR} attempts.
     */
    <T> T calmly(java.util.function.Supplier<T> command) {
        for (int attempt = 1; ; attempt++) {
            calm.readLock().lock();
            try {
                T result = command.get();
                if (!(result instanceof Http.Response r && r.status() == 503 && attempt < ASK_AGAIN_FOR)) {
                    return result;
                }
                log.info("chaos: asked again after {}", result);
            } catch (AssertionError | java.io.UncheckedIOException e) {
                boolean unavailable = e instanceof java.io.UncheckedIOException
                        || String.valueOf(e.getMessage()).contains(" -> 503 ");
                if (!unavailable || attempt == ASK_AGAIN_FOR) {
                    throw e;
                }
                log.info("chaos: asked again after {}", String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
            } finally {
                calm.readLock().unlock();
            }
            try {
                Thread.sleep(1_000); // the services' Retry-After
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private void disturbing(Runnable fault) {
        calm.writeLock().lock();
        try {
            fault.run();
        } finally {
            calm.writeLock().unlock();
        }
    }

    private ServiceNode instance(String module, int number) {
        return number == 1 ? system.service(module) : system.second(module);
    }

    String randomModule() {
        return MODULES.get(random.nextInt(MODULES.size()));
    }

    /** The broker stops and starts again; the services' producers and consumers reconnect on their own. */
    void brokerRestart() {
        disturbing(() -> infrastructure.restartKafka(() -> log.info("chaos: the broker is down")));
        note(Kind.BROKER_RESTART, "kafka", "");
    }

    /** SIGKILL of one instance of {@code module}; the other stays alive; the killed one is started again in the background. */
    void killOne(String module) {
        restartLater(kill(module, "the other instance stays up"));
    }

    /**
     * SIGKILL of one instance of {@code module}, left down until {@link #restartKeptDown}: the other instance
     * alone takes its partitions, its relay and the timers that come due meanwhile.
     */
    void killOneAndKeepDown(String module) {
        keptDown.add(kill(module, "kept down: the other instance does the work alone"));
    }

    /** Starts the instances {@link #killOneAndKeepDown} left down, in the background. */
    void restartKeptDown() {
        keptDown.forEach(this::restartLater);
        keptDown.clear();
    }

    private final List<ServiceNode> keptDown = new ArrayList<>();

    private ServiceNode kill(String module, String detail) {
        int number = 1 + random.nextInt(2);
        ServiceNode node = instance(module, number);
        disturbing(() -> {
            try {
                node.kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        note(Kind.KILL_ONE_INSTANCE, node.toString(), detail);
        return node;
    }

    private void restartLater(ServiceNode node) {
        var thread = Thread.ofPlatform().name("chaos-restart-" + node).start(() -> {
            try {
                node.start();
                RunningSystem.awaitHealthy(node);
                system.clocks.catchUp(node);
            } catch (Exception e) {
                throw new IllegalStateException("cannot restart " + node, e);
            }
        });
        synchronized (restarts) {
            restarts.add(thread);
        }
    }

    /** Waits until every instance killed earlier is healthy again (before a step that needs every instance). */
    void awaitRestarts() throws InterruptedException {
        restartKeptDown();
        List<Thread> pending;
        synchronized (restarts) {
            pending = List.copyOf(restarts);
            restarts.clear();
        }
        for (Thread t : pending) {
            t.join(Duration.ofMinutes(5));
        }
        for (String module : MODULES) {
            for (ServiceNode node : List.of(instance(module, 1), instance(module, 2))) {
                if (!node.ready()) {
                    throw new IllegalStateException(node + " did not come back: " + node.exitReason());
                }
            }
        }
    }

    /**
     * Both instances of {@code module} killed; {@code whileDown} runs (the clocks move: timers come due with
     * the service away); both start again and catch their clocks up, so the due timers fire after the restart.
     */
    void killBoth(String module, Runnable whileDown) throws Exception {
        var nodes = List.of(instance(module, 1), instance(module, 2));
        disturbing(() -> {
            for (ServiceNode node : nodes) {
                try {
                    node.kill();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        });
        whileDown.run();
        for (ServiceNode node : nodes) {
            node.start();
        }
        for (ServiceNode node : nodes) {
            RunningSystem.awaitHealthy(node);
            system.clocks.catchUp(node);
        }
        note(Kind.KILL_BOTH_INSTANCES_TIMER_DUE, module, "both down while the clocks moved");
    }

    /** Every connection of the service's database cut (pg_terminate_backend) while its consumers work. */
    void terminateConnections(String module) {
        int cut = infrastructure.terminateConnections(RunningSystem.DATABASES.get(module));
        note(Kind.TERMINATE_CONNECTIONS, module, cut + " connections");
    }

    /** PostgreSQL restarts: every service loses every connection at once. */
    void postgresRestart() {
        disturbing(infrastructure::restartPostgres);
        note(Kind.POSTGRES_RESTART, "postgresql", "");
    }

    /**
     * The consumer group {@code group} of {@code module} set back to the start of {@code topic}: both instances
     * stopped (a group's offsets can be changed only while it has no members), offsets reset, both started.
     * Every record of the topic is delivered to the service again.
     */
    long offsetsReset(String module, String group, String topic) throws Exception {
        var nodes = List.of(instance(module, 1), instance(module, 2));
        long[] replayed = {0};
        disturbing(() -> {
            RunningSystem.stopInParallel(nodes);
            try (var admin = AdminClient.create(infrastructure.kafkaAdminProperties())) {
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
                for (int p = 0; p < 4; p++) {
                    earliest.put(new TopicPartition(topic, p), OffsetSpec.earliest());
                }
                var starts = admin.listOffsets(earliest).all().get();
                Map<TopicPartition, OffsetAndMetadata> back = new HashMap<>();
                starts.forEach((tp, info) -> {
                    back.put(tp, new OffsetAndMetadata(info.offset()));
                    var was = committed.get(tp);
                    replayed[0] += (was == null ? 0 : was.offset()) - info.offset();
                });
                admin.alterConsumerGroupOffsets(group, back).all().get();
            } catch (Exception e) {
                throw new IllegalStateException("cannot reset " + group, e);
            }
        });
        for (ServiceNode node : nodes) {
            node.start();
        }
        for (ServiceNode node : nodes) {
            RunningSystem.awaitHealthy(node);
            system.clocks.catchUp(node);
        }
        note(Kind.OFFSETS_RESET, group, replayed[0] + " records delivered again");
        return replayed[0];
    }

    /** The second instance of {@code module} leaves (graceful stop) and joins again while records flow: two rebalances. */
    void rebalance(String module) throws Exception {
        ServiceNode node = instance(module, 2);
        node.stop(Duration.ofSeconds(20));
        node.start();
        RunningSystem.awaitHealthy(node);
        system.clocks.catchUp(node);
        note(Kind.REBALANCE, node.toString(), "left and joined mid-poll");
    }

    /**
     * A record no consumer can read on every topic a service consumes, for an account of its own: each consumer
     * dead-letters it and parks that account; every other account flows on.
     */
    void poisonRecords(String account) {
        for (String topic : List.of(Topics.CONTRACTS, Topics.PAYOUTS, Topics.FUNDING, Topics.CATALOG, Topics.CLOSURE,
                Topics.ACTIONS_INGEST)) {
            String type = switch (topic) {
                case Topics.CONTRACTS -> "ContractActivated";
                case Topics.PAYOUTS -> "ActionApproved";
                case Topics.FUNDING -> "FundingSufficient";
                case Topics.CATALOG -> "CatalogsDeleted";
                case Topics.CLOSURE -> "AccountDeactivated";
                default -> "ConversionTracked";
            };
            system.kafka.sendRaw(topic, account, "{\"this is\": \"not an envelope", type);
        }
        note(Kind.POISON_RECORDS, account, "every topic a service consumes");
    }

    private void note(Kind kind, String target, String detail) {
        var fault = new Injected(kind, target, detail);
        injected.add(fault);
        log.info("chaos: fault {} injected: {}", injected.size(), fault);
    }
}
