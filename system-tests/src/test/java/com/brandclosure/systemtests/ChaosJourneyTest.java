package com.brandclosure.systemtests;

import com.brandclosure.events.Topics;
import com.brandclosure.testkit.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.brandclosure.systemtests.RunningSystem.CONTRACTS;
import static com.brandclosure.systemtests.RunningSystem.FUNDING;
import static com.brandclosure.systemtests.RunningSystem.ORCHESTRATOR;
import static com.brandclosure.systemtests.RunningSystem.PAYOUTS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The chaos journey (README "Chaos journey"): N brands (100 here, {@code -Dchaos.brands=2000} at full size)
 * close their accounts with two instances of every service, each brand by a seeded script with ways back
 * (late actions before and after the deactivation, a failed ACH deposit, a rejected review, a cancellation),
 * while a seeded schedule injects the faults of {@link Faults.Kind} into the phases. At the end
 * {@link ChaosChecks} reads the event streams (Kafka), the read models (HTTP) and the services' databases:
 * every brand reached the end its script leads to, nothing published was lost or applied twice, the money adds
 * up, and no deactivation happened while a precondition was false or before the last lock date. It prints
 * {@code chaos: N brands, F faults, L lost, D doubled} and the seed; {@code -Dchaos.seed=S} replays a run's
 * scripts and schedule (the processes' timing is the machine's).
 */
@ExtendWith(RunningSystem.Extension.class)
class ChaosJourneyTest {

    private static final Logger log = LoggerFactory.getLogger(ChaosJourneyTest.class);

    private static final int BRANDS = Integer.getInteger("chaos.brands", 100);
    private static final int WORKERS = Integer.getInteger("chaos.workers", 16);
    private static final Duration END_PATIENCE = Duration.ofMinutes(6);

    private final RunningSystem system = RunningSystem.get();

    /** One brand's script, chosen by the seed. */
    record Script(int actions, boolean twoPartners, boolean cancels, boolean achFails, boolean lateBefore,
                  boolean rejected, boolean lateAfter) {
        String end() {
            return cancels ? "ClosureCancelled" : "AccountClosed";
        }
    }

    /** A brand as the journey drives it: the public-API helper, its script and what it did. */
    static final class ChaosBrand {
        final Brand brand;
        final Script script;
        final List<String> actions = new ArrayList<>();
        final List<String> approved = new ArrayList<>();
        final List<String> reversed = new ArrayList<>();
        String achDeposit;

        ChaosBrand(Brand brand, Script script) {
            this.brand = brand;
            this.script = script;
        }

        String account() {
            return brand.account;
        }

        long approvedCosts() {
            return approved.stream().mapToLong(ChaosBrand::costOf).sum();
        }

        static long costOf(String actionId) {
            return 100L * Integer.parseInt(actionId.substring(actionId.lastIndexOf('-') + 1));
        }
    }

    private ExecutorService workers;
    private Faults faults;

    @AfterEach
    void backToOneInstanceEach() throws Exception {
        if (workers != null) {
            workers.shutdownNow();
        }
        if (faults != null) {
            faults.awaitRestarts();
        }
        system.startStopped();
        system.stopSecondInstances();
    }

    @Test
    void every_brand_closes_or_stops_as_scripted_under_faults_with_nothing_lost_or_doubled() throws Exception {
        long seed = Long.getLong("chaos.seed", System.currentTimeMillis());
        log.info("chaos: seed {} ({} brands; replay with -Dchaos.seed={})", seed, BRANDS, seed);
        try {
            journey(seed);
        } catch (Exception | AssertionError e) {
            if (!reported) {
                report("chaos: " + BRANDS + " brands, FAILED before the checks (seed " + seed + "; replay: "
                        + replay(seed) + "): " + e + "\nchaos: cause " + rootCause(e) + "\nchaos: faults so far " + (faults == null ? "[]" : faults.injected) + "\n");
            }
            throw e;
        }
    }

    private boolean reported;

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String text = t.toString();
        return text.length() > 2_000 ? text.substring(0, 2_000) + " …" : text;
    }

    private static String replay(long seed) {
        return "./mvnw -B verify -pl system-tests -am -Dtest=ChaosJourneyTest -Dchaos.seed=" + seed
                + (BRANDS == 100 ? "" : " -Dchaos.brands=" + BRANDS);
    }

    /** Prints the report and writes it where test.sh finds it after the build (the test JVM's output goes to files). */
    private void report(String text) throws java.io.IOException {
        reported = true;
        System.out.print(text);
        java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("system-tests.log-dir", "target"))
                .resolveSibling("chaos-result.txt"), text);
    }

    private void journey(long seed) throws Exception {
        var random = new Random(seed);
        workers = Executors.newFixedThreadPool(WORKERS);
        system.startSecondInstances(Faults.MODULES);
        faults = new Faults(system, random);

        String run = Long.toString(seed, 36);
        List<ChaosBrand> brands = new ArrayList<>();
        for (int i = 0; i < BRANDS; i++) {
            boolean cancels = random.nextInt(10) == 0;
            var script = new Script(2 + random.nextInt(4), random.nextBoolean(), cancels,
                    !cancels && random.nextInt(5) == 0, !cancels && random.nextInt(5) == 0,
                    !cancels && random.nextInt(6) == 0, !cancels && random.nextInt(5) == 0);
            brands.add(new ChaosBrand(new Brand(system, "chaos-" + run + "-" + i), script));
        }
        List<String> plan = new ArrayList<>();
        var schedule = schedule(random, plan);
        log.info("chaos: schedule {}", plan);
        String poisoned = "chaos-" + run + "-poison";

        phase("set up and track", brands, schedule.getOrDefault(1, List.of()), b -> {
            calmly(b.brand::configureContracts);
            String contract = calmly(() -> b.brand.createContract("partner-a"));
            // Any instance answers: the other contracts instance sees what this one created.
            var other = system.second(CONTRACTS).ready() ? system.second(CONTRACTS) : system.service(CONTRACTS);
            var read = calmly(() -> system.http.get(other.baseUrl() + "/api/v1/accounts/" + b.account()
                    + "/contracts/" + contract, b.brand.admin));
            assertThat(read.ok().path("partnerId").asString()).as(read.toString()).isEqualTo("partner-a");
            if (b.script.twoPartners()) {
                calmly(() -> b.brand.createContract("partner-b"));
            }
            calmly(() -> b.brand.createCatalog("Chaos catalog"));
            calmly(() -> b.brand.lockingSettings(1));
            calmly(b.brand::openFunding);
            b.brand.awaitPayoutsKnowsContracts();
            var at = b.brand.payoutsNow();
            b.brand.firstEventAt = at;
            for (int n = 1; n <= b.script.actions(); n++) {
                String id = "act-" + n;
                b.actions.add(id);
                String partner = b.script.twoPartners() && n % 2 == 0 ? "partner-b" : "partner-a";
                calmly(() -> b.brand.track(id, partner, at, at, ChaosBrand.costOf(id)));
            }
        });

        phase("decide, fund, delete, expire, initiate", brands, schedule.getOrDefault(2, List.of()), b -> {
            for (String id : b.actions) {
                b.brand.awaitActionState(id, "PENDING");
            }
            // The first action of a brand with three or more is reversed, the others approved.
            for (String id : b.actions) {
                (b.actions.size() >= 3 && id.equals(b.actions.getFirst()) ? b.reversed : b.approved).add(id);
            }
            batch(b, "APPROVE", b.approved);
            batch(b, "REVERSE", b.reversed);
            // Enough for every approved cost and a late one (at most 900).
            long deposit = b.approvedCosts() + 1_000;
            if (b.script.achFails()) {
                String ach = calmly(() -> b.brand.deposit("ACH", deposit));
                calmly(() -> b.brand.clearDeposit(ach));
                b.achDeposit = ach;
            } else {
                calmly(() -> b.brand.depositByCard(deposit));
            }
            for (String catalog : List.copyOf(b.brand.catalogIds)) {
                calmly(() -> {
                    b.brand.deleteCatalog(catalog);
                    return null;
                });
            }
            calmly(() -> b.brand.expireAllContracts(true).ok());
            calmly(b.brand::initiateClosure);
            if (b.script.cancels()) {
                var cancelled = calmly(() -> b.brand.cancelClosure("We stay after all"));
                assertThat(cancelled.status()).as(cancelled.toString()).isEqualTo(200);
            }
        });

        system.clocks.advance(Duration.ofDays(1));
        phase("ways back before the lock date", brands, schedule.getOrDefault(3, List.of()), b -> {
            if (b.script.cancels()) {
                b.brand.awaitClosure("ClosureCancelled");
                return;
            }
            if (b.script.achFails()) {
                calmly(() -> b.brand.failDeposit(b.achDeposit, "R01 insufficient funds"));
                b.brand.awaitClosure("Preparing");
                calmly(() -> b.brand.depositByCard(b.approvedCosts() + 1_000));
            }
            if (b.script.lateBefore()) {
                // Pending again: the closure goes back until it is approved.
                String id = reportLate(b, "late-9", "PENDING");
                b.approved.add(id);
                batch(b, "APPROVE", List.of(id));
            }
            b.brand.awaitClosure("AwaitingLockDate");
        });

        // The lock dates pass with one orchestrator instance down since the initiations: the other fires the
        // lock-date timers (and took the partitions and the relay); the first comes back during the reviews.
        system.clocks.advance(Duration.ofDays(2));
        faults.restartKeptDown();
        phase("the lock date passes; reviews", brands, schedule.getOrDefault(5, List.of()), b -> {
            if (b.script.cancels()) {
                return;
            }
            long version = b.brand.awaitClosure("ClosureRequested").get("version").asLong();
            if (b.script.rejected()) {
                var rejected = calmly(() -> b.brand.rejectClosure(TestTokens.support("support-alice"),
                        List.of("a partner dispute is open")));
                assertThat(rejected.status()).as(rejected.toString()).isEqualTo(200);
                b.brand.awaitClosure("Preparing");
                var asked = calmly(b.brand::requestReview);
                assertThat(asked.status()).as(asked.toString()).isEqualTo(200);
                version = awaitRequestedAfter(b, version);
            }
            long seen = version;
            var approved = calmly(() -> b.brand.approveClosure(TestTokens.support("support-bob"), seen));
            assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
            b.brand.awaitClosure("AwaitingFinalSettlement");
        });
        faults.poisonRecords(poisoned);

        faults.awaitRestarts();
        faults.offsetsReset(FUNDING, "funding-payouts", Topics.PAYOUTS);
        phase("late actions after the deactivation; clearing; refunds", brands, schedule.getOrDefault(6, List.of()), b -> {
            if (b.script.cancels()) {
                return;
            }
            if (b.script.lateAfter()) {
                reportLate(b, "after-7", "REJECTED");
            }
        });
        // The clearing dates come while both payouts instances are down: the clearing timers fire after the restart.
        faults.awaitRestarts();
        faults.killBoth(PAYOUTS, () -> system.clocks.advance(Brand.UNTIL_CLEARED));
        phase("refunds", brands, List.of(), b -> {
            if (b.script.cancels()) {
                return;
            }
            for (String id : b.approved) {
                b.brand.awaitActionState(id, "CLEARED");
            }
            await(b.account() + " costs paid").atMost(Events.PATIENCE).ignoreExceptions().untilAsserted(() -> {
                var funding = b.brand.funding();
                assertThat(funding.get("pendingPartnerCostsMinor").asLong()).as(funding.toString()).isZero();
                assertThat(funding.get("refundWaitsOn").isEmpty()).as(funding.toString()).isTrue();
            });
            var refund = calmly(b.brand::authorizeRefund);
            assertThat(refund.status()).as(refund.toString()).isEqualTo(201);
        });
        faults.awaitRestarts();

        var checks = new ChaosChecks(system, brands, poisoned, END_PATIENCE);
        var outcome = checks.run();
        String line = "chaos: " + BRANDS + " brands, " + faults.injected.size() + " faults, " + outcome.lost() + " lost, "
                + outcome.doubled() + " doubled";
        log.info("{} (seed {}; faults {})", line, seed, faults.injected);
        var report = new StringBuilder(line).append(" (seed ").append(seed).append("; replay: ").append(replay(seed)).append(")\n");
        report.append("chaos: faults ").append(faults.injected).append('\n');
        for (String failure : outcome.failures()) {
            report.append("chaos: FAILED ").append(failure).append('\n');
        }
        report(report.toString());
        assertThat(faults.injected.stream().map(Faults.Injected::kind).distinct())
                .as("every kind of fault injected").containsExactlyInAnyOrder(Faults.Kind.values());
        assertThat(outcome.failures()).as("chaos (seed " + seed + ", replay with -Dchaos.seed=" + seed + ")").isEmpty();
        assertThat(outcome.lost()).isZero();
        assertThat(outcome.doubled()).isZero();
    }

    /** A conversion of day 0 (inside the contract's terms then) reported now; waits until it is in {@code state}. */
    private String reportLate(ChaosBrand b, String id, String state) {
        b.actions.add(id);
        calmly(() -> b.brand.track(id, "partner-a", b.brand.firstEventAt, b.brand.payoutsNow(), ChaosBrand.costOf(id)));
        b.brand.awaitActionState(id, state);
        return id;
    }

    /** After a rejected review and a new request: ClosureRequested again, at a later version. */
    private long awaitRequestedAfter(ChaosBrand b, long before) {
        await(b.account() + " requested again").atMost(Events.PATIENCE).ignoreExceptions().untilAsserted(() -> {
            var c = b.brand.closure();
            assertThat(c.get("state").asString()).as(c.toString()).isEqualTo("ClosureRequested");
            assertThat(c.get("version").asLong()).isGreaterThan(before);
        });
        return b.brand.awaitClosure("ClosureRequested").get("version").asLong();
    }

    private void batch(ChaosBrand b, String operation, List<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        var body = new java.util.LinkedHashMap<String, Object>();
        body.put("operation", operation);
        body.put("actionIds", ids);
        if (operation.equals("REVERSE")) {
            body.put("reason", "chaos test order");
        }
        var url = system.url(PAYOUTS, "/api/v1/accounts/" + b.account() + "/actions/batch");
        var changed = calmly(() -> system.http.post(url, b.brand.admin, body).ok().get("changed").asInt());
        assertThat(changed).as(operation + " " + ids).isEqualTo(ids.size());
    }

    private <T> T calmly(Supplier<T> command) {
        return faults.calmly(command);
    }

    private void calmly(Runnable command) {
        faults.calmly(() -> {
            command.run();
            return null;
        });
    }

    interface Step {
        void run(ChaosBrand brand) throws Exception;
    }

    /**
     * Runs {@code step} for every brand on the workers while the phase's faults are injected from this thread,
     * each once a share of the brands is through (so it lands in the middle of the phase's work).
     */
    private void phase(String name, List<ChaosBrand> brands, List<Runnable> phaseFaults, Step step) throws Exception {
        long start = System.nanoTime();
        var done = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (ChaosBrand b : brands) {
            futures.add(workers.submit(() -> {
                try {
                    step.run(b);
                } catch (Exception | AssertionError e) {
                    throw new IllegalStateException(b.account() + " " + b.script + " in phase '" + name + "'", e);
                } finally {
                    done.incrementAndGet();
                }
                return null;
            }));
        }
        for (int i = 0; i < phaseFaults.size(); i++) {
            int share = brands.size() * (i + 1) / (phaseFaults.size() + 2);
            await("phase '" + name + "' " + share + " brands through").atMost(Duration.ofMinutes(10))
                    .pollInterval(Duration.ofMillis(100)).until(() -> done.get() >= share);
            phaseFaults.get(i).run();
        }
        for (Future<?> f : futures) {
            f.get();
        }
        log.info("chaos: phase '{}' done in {} s", name, (System.nanoTime() - start) / 1_000_000_000);
    }

    interface Fault {
        void inject() throws Exception;
    }

    /**
     * Which faults land in which phase: the fixed ones where only that phase shows them (a rebalance while the
     * conversions arrive; both orchestrators down while the lock dates pass, in the test body; the offsets reset
     * once the payouts topic holds thousands of records), the others spread over the phases by the seed, each
     * on a module and instance the seed picks.
     */
    private Map<Integer, List<Runnable>> schedule(Random random, List<String> plan) {
        Map<Integer, List<Runnable>> byPhase = new java.util.TreeMap<>();
        // Where each service is busiest: payouts while the conversions arrive, funding while it follows the
        // approvals, an orchestrator instance from the initiations until after the lock dates, another while the
        // approvals deactivate (AccountDeactivated may still be in its outbox).
        add(byPhase, plan, 1, "REBALANCE payouts", () -> faults.rebalance(PAYOUTS));
        add(byPhase, plan, 1, "KILL_ONE payouts", () -> faults.killOne(PAYOUTS));
        add(byPhase, plan, 2, "KILL_ONE funding", () -> faults.killOne(FUNDING));
        add(byPhase, plan, 5, "KILL_ONE orchestrator", () -> faults.killOne(ORCHESTRATOR));
        List<Integer> phases = List.of(1, 2, 3, 5, 6);
        add(byPhase, plan, phases.get(random.nextInt(phases.size())), "BROKER_RESTART", faults::brokerRestart);
        add(byPhase, plan, phases.get(random.nextInt(phases.size())), "POSTGRES_RESTART", faults::postgresRestart);
        String module = faults.randomModule();
        add(byPhase, plan, phases.get(random.nextInt(phases.size())), "KILL_ONE " + module, () -> faults.killOne(module));
        for (int i = 0; i < 2; i++) {
            String other = faults.randomModule();
            add(byPhase, plan, phases.get(random.nextInt(phases.size())), "TERMINATE_CONNECTIONS " + other,
                    () -> faults.terminateConnections(other));
        }
        byPhase.values().forEach(list -> Collections.shuffle(list, random));
        // Last in phase 2, once most initiations are in; it stays down until the lock dates passed.
        add(byPhase, plan, 2, "KILL_ONE orchestrator, kept down until the lock dates passed",
                () -> faults.killOneAndKeepDown(ORCHESTRATOR));
        return byPhase;
    }

    private static void add(Map<Integer, List<Runnable>> byPhase, List<String> plan, int phase, String name, Fault fault) {
        plan.add("phase " + phase + ": " + name);
        byPhase.computeIfAbsent(phase, p -> new ArrayList<>()).add(() -> {
            try {
                fault.inject();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(name + " failed", e);
            }
        });
    }
}
