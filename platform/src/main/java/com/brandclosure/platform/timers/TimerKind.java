package com.brandclosure.platform.timers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names a {@link TimerHandler}'s kind (the db-scheduler task name) on its class: the one way a timer
 * kind is named. The platform reads it before the handler bean exists, so the scheduler is built
 * without creating handlers early, and looks the handler up only when a timer fires (a handler may
 * therefore depend on a use case that schedules timers).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TimerKind {
    String value();
}
