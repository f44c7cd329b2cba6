package com.brandclosure.platform.timers;

/**
 * Reacts to a durable timer of one kind. Declare implementations as beans; each {@link #kind()}
 * becomes a db-scheduler task. A timer fires at least once (exactly once unless the instance
 * dies while firing), so {@link #fire} must be idempotent: the services make it so by checking
 * the timer's data (e.g. a schedule version) against their current state.
 */
public interface TimerHandler {

    /** The timer kind (db-scheduler task name), e.g. {@code closure-lock-date}. */
    String kind();

    void fire(String timerId, String data);
}
