package com.brandclosure.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * given(events...).when(command).then(events...) over a decider, recording which event types
 * the tests saw so that a test class can prove it covered every permitted event type.
 */
public final class Decider<C, E, S> {

    private final S initial;
    private final BiFunction<C, S, List<E>> decide;
    private final BiFunction<S, E, S> evolve;
    private final Set<Class<?>> seen = new HashSet<>();

    public Decider(S initial, BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {
        this.initial = initial;
        this.decide = decide;
        this.evolve = evolve;
    }

    @SafeVarargs
    public final Given given(E... history) {
        S state = initial;
        for (E e : history) {
            seen.add(e.getClass());
            state = evolve.apply(state, e);
        }
        return new Given(state);
    }

    /** Every permitted subclass of {@code sealed} was given or produced by some test. */
    public void assertCovered(Class<?> sealed) {
        List<Class<?>> missing = new ArrayList<>(List.of(sealed.getPermittedSubclasses()));
        missing.removeAll(seen);
        assertTrue(missing.isEmpty(), "event types exercised by the tests: " + seen + "; missing: " + missing);
    }

    public final class Given {
        private final S state;

        Given(S state) {
            this.state = state;
        }

        public S state() {
            return state;
        }

        public When when(C command) {
            return new When(state, command);
        }
    }

    public final class When {
        private final S state;
        private final C command;

        When(S state, C command) {
            this.state = state;
            this.command = command;
        }

        /** Asserts the events decided (exactly these, in this order), and returns the state after them. */
        @SafeVarargs
        public final S then(E... expected) {
            List<E> events = decide.apply(command, state);
            assertEquals(Arrays.asList(expected), new ArrayList<>(events), "events decided");
            S after = state;
            for (E e : new ArrayList<>(events)) {
                seen.add(e.getClass());
                after = evolve.apply(after, e);
            }
            return after;
        }

        public void thenRefused(Class<? extends RuntimeException> type, String messagePart) {
            RuntimeException refused = assertThrows(type, () -> decide.apply(command, state));
            String message = refused.getMessage();
            assertTrue(message != null && message.contains(messagePart),
                    "message of " + refused + " contains \"" + messagePart + "\"");
        }
    }
}
