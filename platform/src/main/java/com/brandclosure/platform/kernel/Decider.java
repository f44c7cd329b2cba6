package com.brandclosure.platform.kernel;

import java.util.List;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * The pure heart of an aggregate: an initial state, {@code decide(command, state) → events} and
 * {@code evolve(state, event) → state}. No I/O, no clock, no ids: time and ids arrive inside the
 * command. The platform's command runner loads the state by folding the stream with
 * {@link #evolve}, calls {@link #decide}, and appends what it returns.
 *
 * @param <C> command type
 * @param <S> state type
 * @param <E> event type
 */
public interface Decider<C, S, E> {

    S initialState();

    List<E> decide(C command, S state);

    S evolve(S state, E event);

    /** The state after {@code events}, starting from {@code state}. */
    default S fold(S state, List<? extends E> events) {
        S s = state;
        for (E e : events) {
            s = evolve(s, e);
        }
        return s;
    }

    /** A decider from three plain functions (typically an aggregate's static methods). */
    static <C, S, E> Decider<C, S, E> of(S initial, BiFunction<C, S, List<E>> decide, BiFunction<S, E, S> evolve) {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(decide, "decide");
        Objects.requireNonNull(evolve, "evolve");
        return new Decider<>() {
            @Override
            public S initialState() {
                return initial;
            }

            @Override
            public List<E> decide(C command, S state) {
                return decide.apply(command, state);
            }

            @Override
            public S evolve(S state, E event) {
                return evolve.apply(state, event);
            }
        };
    }
}
