package com.brandclosure.payouts.domain;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** given(events).when(command).then(events): the test vocabulary for the action decider. */
final class ActionSpec {

    /** Every event type some test saw produced, so a test can prove each type is covered. */
    static final Set<Class<?>> PRODUCED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private final List<ActionEvent> history = new ArrayList<>();
    private ActionCommand command;

    static ActionSpec given(ActionEvent... events) {
        var spec = new ActionSpec();
        spec.history.addAll(List.of(events));
        return spec;
    }

    static ActionSpec given(List<? extends ActionEvent> events) {
        var spec = new ActionSpec();
        spec.history.addAll(events);
        return spec;
    }

    ActionSpec when(ActionCommand command) {
        this.command = command;
        return this;
    }

    List<ActionEvent> thenEvents() {
        List<ActionEvent> events = Action.decide(command, Action.fold(history));
        events.forEach(e -> PRODUCED.add(e.getClass()));
        return events;
    }

    void then(ActionEvent... expected) {
        assertThat(thenEvents()).containsExactly(expected);
    }

    void thenNothing() {
        assertThat(thenEvents()).isEmpty();
    }

    ActionState thenState() {
        List<ActionEvent> all = new ArrayList<>(history);
        all.addAll(thenEvents());
        return Action.fold(all);
    }

    void thenRefused(Class<? extends RuntimeException> type, String messagePart) {
        assertThatThrownBy(() -> Action.decide(command, Action.fold(history)))
                .isInstanceOf(type).hasMessageContaining(messagePart);
    }

    static Set<Class<?>> produced() {
        return new HashSet<>(PRODUCED);
    }
}
