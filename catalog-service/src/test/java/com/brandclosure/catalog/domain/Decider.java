package com.brandclosure.catalog.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * given(events...).when(command).then(events...) over a decider, recording which event types
 * the tests saw so that a test class can prove it covered every permitted event type.
 */
final class Decider<C, E, S> {

    private final S initial;
    private final BiFunction<C, S, List<E>> decide;
    private final BiFunction<S, E, S> evolve;
    private final Set<Class<?>> seen = new HashSet<>();

    Decider(S initial, BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {
        this.initial = initial;
        this.decide = decide;
        this.evolve = evolve;
    }

    @SafeVarargs
    final Given given(E... history) {
        S state = initial;
        for (E e : history) {
            seen.add(e.getClass());
            state = evolve.apply(state, e);
        }
        return new Given(state);
    }

    /** Every permitted subclass of {@code sealed} was given or produced by some test. */
    void assertCovered(Class<?> sealed) {
        assertThat(seen).as("event types exercised by the tests")
                .containsAll(List.of(sealed.getPermittedSubclasses()));
    }

    final class Given {
        private final S state;

        Given(S state) {
            this.state = state;
        }

        S state() {
            return state;
        }

        When when(C command) {
            return new When(state, command);
        }
    }

    final class When {
        private final S state;
        private final C command;

        When(S state, C command) {
            this.state = state;
            this.command = command;
        }

        /** Asserts the events decided, and returns the state after them. */
        @SafeVarargs
        final S then(E... expected) {
            List<E> events = decide.apply(command, state);
            assertThat(events).containsExactly(expected);
            S after = state;
            for (E e : new ArrayList<>(events)) {
                seen.add(e.getClass());
                after = evolve.apply(after, e);
            }
            return after;
        }

        void thenRefused(Class<? extends RuntimeException> type, String messagePart) {
            assertThatThrownBy(() -> decide.apply(command, state)).isInstanceOf(type).hasMessageContaining(messagePart);
        }
    }
}
