package com.brandclosure.simulation;

import java.util.List;

/** Runs one seed and says how it ended: its trace, and the first invariant that did not hold (null if none). */
final class Simulation {

    static final int BRANDS_PER_SEED = 3;

    /**
     * {@code knownBugs}: known bugs the seed ran into (every other rule still held if {@code violation} is null);
     * {@code ended}: each brand's final closure state.
     */
    record Outcome(long seed, String violation, List<String> knownBugs, List<String> ended,
                   java.util.Map<String, Integer> counts, long cpuNanos, List<String> trace) {
        boolean failed() {
            return violation != null;
        }

        /** The trace and the one command that replays this seed. */
        String report() {
            var sb = new StringBuilder();
            sb.append("seed ").append(seed).append(" failed: ").append(violation).append('\n');
            sb.append("trace (").append(trace.size()).append(" steps):\n");
            trace.forEach(line -> sb.append("  ").append(line).append('\n'));
            sb.append("replay: ./mvnw -B -q verify -pl simulation -am -Dsimulation.seed=").append(seed).append('\n');
            return sb.toString();
        }
    }

    private Simulation() {
    }

    static Outcome run(long seed, Services.Variant variant) {
        long cpuStarted = CPU.getCurrentThreadCpuTime();
        World world = new World(seed, BRANDS_PER_SEED, variant);
        try {
            world.run();
            return outcome(world, null, cpuStarted);
        } catch (World.Violation v) {
            return outcome(world, v.getMessage(), cpuStarted);
        } catch (RuntimeException unexpected) {
            // A decider or the glue threw where nothing should: as much a finding as a broken invariant.
            return outcome(world, "unexpected " + unexpected + " at "
                    + List.of(unexpected.getStackTrace()).subList(0, Math.min(6, unexpected.getStackTrace().length)),
                    cpuStarted);
        }
    }

    private static final java.lang.management.ThreadMXBean CPU =
            java.lang.management.ManagementFactory.getThreadMXBean();

    private static Outcome outcome(World world, String violation, long cpuStarted) {
        return new Outcome(world.seed, violation, List.copyOf(world.invariants.knownBugs),
                world.brands.all.stream().map(b -> world.brands.saga(b).name()).toList(), world.counts,
                CPU.getCurrentThreadCpuTime() - cpuStarted, world.trace);
    }
}
