package com.brandclosure.platform.timers;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Optional: names a {@link TimerHandler} bean's kind up front (on the class or the {@code @Bean}
 * method), so the scheduler can be built without creating the handler first. Without it the
 * handler bean is created early to ask its {@link TimerHandler#kind()}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface TimerKind {
    String value();
}
