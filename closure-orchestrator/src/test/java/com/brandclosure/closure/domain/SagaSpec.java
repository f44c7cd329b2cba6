package com.brandclosure.closure.domain;

import com.brandclosure.platform.kernel.AccountId;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * given(history).when(command).then(expected events): the saga's test vocabulary, over the
 * pure decider. Remembers every event type a scenario produced, so the test class can prove
 * each type of the sealed interface is covered.
 */
final class SagaSpec {

    static final AccountId ACCOUNT = AccountId.of("acme");
    static final Set<Class<?>> PRODUCED = ConcurrentHashMap.newKeySet();

    private SagaSpec() {
    }

    static Given given(AccountClosureEvent... history) {
        return new Given(List.of(history));
    }

    record Given(List<AccountClosureEvent> history) {
        AccountClosureState state() {
            return AccountClosure.fold(AccountClosure.initial(ACCOUNT), history);
        }

        When when(AccountClosureCommand command) {
            return new When(state(), command);
        }

        Given andGiven(AccountClosureEvent... more) {
            var all = new java.util.ArrayList<>(history);
            all.addAll(List.of(more));
            return new Given(List.copyOf(all));
        }
    }

    record When(AccountClosureState before, AccountClosureCommand command) {

        List<AccountClosureEvent> events() {
            List<AccountClosureEvent> events = AccountClosure.decide(command, before);
            events.forEach(e -> PRODUCED.add(e.getClass()));
            return events;
        }

        /** Asserts the decided events and returns the state after them. */
        AccountClosureState then(AccountClosureEvent... expected) {
            List<AccountClosureEvent> events = events();
            assertThat(events).containsExactly(expected);
            return AccountClosure.fold(before, events);
        }

        AccountClosureState thenNothingHappens() {
            assertThat(events()).isEmpty();
            return before;
        }

        void thenRefused(Class<? extends RuntimeException> type, String... messageParts) {
            assertThatThrownBy(this::events).isInstanceOf(type)
                    .satisfies(e -> assertThat(e.getMessage()).contains(messageParts));
        }

        void thenState(Consumer<AccountClosureState> check) {
            check.accept(AccountClosure.fold(before, events()));
        }
    }

    static Instant at(String isoInstant) {
        return Instant.parse(isoInstant);
    }
}
