package com.brandclosure.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The one test sentence of every service, over a decider:
 * {@code given(past events).when(command).then(new events)}, and for sagas and multi-step stories
 * {@code .andGiven(reply events).when(next command).then(…)} or {@code .thenNothing()}.
 * <p>
 * Coverage counts only events that a {@code when} produced, never the history a test gave: a test
 * class proves with {@link #assertCovered} that every permitted event type is actually decided by
 * some command.
 */
public final class Decider<C, E, S> {

    private final S initial;
    private final BiFunction<C, S, List<E>> decide;
    private final BiFunction<S, E, S> evolve;
    private final Set<Class<?>> decided = new HashSet<>();

    public Decider(S initial, BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {
        this.initial = initial;
        this.decide = decide;
        this.evolve = evolve;
    }

    @SafeVarargs
    public final Given given(E... history) {
        return givenFrom(initial, Arrays.asList(history));
    }

    /** History given as a list (e.g. built by a helper). */
    public Given given(List<? extends E> history) {
        return givenFrom(initial, history);
    }

    /** Starts from an explicit state instead of a history (for states that only a long history reaches). */
    public Given givenState(S state) {
        return new Given(state);
    }

    private Given givenFrom(S start, List<? extends E> history) {
        S state = start;
        for (E e : history) {
            state = evolve.apply(state, e);
        }
        return new Given(state);
    }

    /** Every permitted subclass of {@code sealed} was decided by some {@code when} of the tests. */
    public void assertCovered(Class<?> sealed) {
        List<Class<?>> missing = new ArrayList<>(List.of(sealed.getPermittedSubclasses()));
        missing.removeAll(decided);
        assertTrue(missing.isEmpty(), "event types decided by the tests: " + decided + "; never decided: " + missing);
    }

    public final class Given {
        private final S state;

        Given(S state) {
            this.state = state;
        }

        public S state() {
            return state;
        }

        /** More history on top of this state (e.g. the replies a saga receives). */
        @SafeVarargs
        public final Given andGiven(E... more) {
            return givenFrom(state, Arrays.asList(more));
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

        /** Asserts the events decided (exactly these, in this order). */
        @SafeVarargs
        public final Then then(E... expected) {
            List<E> events = decideCounting();
            assertEquals(Arrays.asList(expected), events, "events decided");
            return new Then(state, events);
        }

        /** Asserts the events decided with a custom check (e.g. on a generated field), and returns them. */
        public Then thenMatches(Consumer<List<E>> check) {
            List<E> events = decideCounting();
            check.accept(events);
            return new Then(state, events);
        }

        /** Asserts that the command decides no event. */
        public Then thenNothing() {
            List<E> events = decideCounting();
            assertEquals(List.of(), events, "the command should decide nothing");
            return new Then(state, events);
        }

        /** Asserts that the command is refused with {@code type} and a message containing {@code messagePart}. */
        public <X extends RuntimeException> X thenRefused(Class<X> type, String messagePart) {
            X refused = assertThrows(type, () -> decide.apply(command, state));
            String message = refused.getMessage();
            assertTrue(message != null && message.contains(messagePart),
                    "message of " + refused + " contains \"" + messagePart + "\"");
            return refused;
        }

        private List<E> decideCounting() {
            List<E> events = new ArrayList<>(decide.apply(command, state));
            for (E e : events) {
                decided.add(e.getClass());
            }
            return events;
        }
    }

    public final class Then {
        private final S after;
        private final List<E> events;

        Then(S before, List<E> events) {
            S s = before;
            for (E e : events) {
                s = evolve.apply(s, e);
            }
            this.after = s;
            this.events = List.copyOf(events);
        }

        /** The state after the decided events. */
        public S state() {
            return after;
        }

        public List<E> events() {
            return events;
        }

        /** Continues the story from the state after the decided events, with more history. */
        @SafeVarargs
        public final Given andGiven(E... more) {
            return givenFrom(after, Arrays.asList(more));
        }

        /** Continues the story with the next command. */
        public When andWhen(C command) {
            return new When(after, command);
        }
    }
}
