package com.brandclosure.platform.timers;

/**
 * Reacts to a durable timer of one kind. Declare implementations as small named classes annotated
 * with {@link TimerKind} (a component each); each kind becomes a db-scheduler task. Timer ids follow
 * {@link TimerIds} ({@code <accountId>|<key>}), and a handler does its work through the command runner. A timer fires at least once (exactly once unless the instance
 * dies while firing), so {@link #fire} must be idempotent: the services make it so by checking
 * the timer's data (e.g. a schedule version) against their current state.
 */
public interface TimerHandler {

    /** The timer kind (db-scheduler task name), e.g. {@code closure-lock-date}: the class's {@link TimerKind}. */
    default String kind() {
        TimerKind kind = org.springframework.aop.support.AopUtils.getTargetClass(this).getAnnotation(TimerKind.class);
        if (kind == null) {
            throw new IllegalStateException(getClass().getName() + " must be annotated with @TimerKind");
        }
        return kind.value();
    }

    void fire(String timerId, String data);
}
