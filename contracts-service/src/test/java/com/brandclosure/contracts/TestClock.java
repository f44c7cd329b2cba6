package com.brandclosure.contracts;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The application's clock in tests: real time shifted by an offset the test sets, so a test can
 * put "now" two seconds before 23:59:59 and watch a scheduled expiry fire through the real
 * durable timers (db-scheduler reads the same clock) instead of waiting until midnight.
 */
public final class TestClock extends Clock {

    private final Clock real = Clock.systemUTC();
    private volatile Duration offset = Duration.ZERO;

    /** From now on, time flows on from {@code now}. */
    public void set(Instant now) {
        offset = Duration.between(real.instant(), now);
    }

    @Override
    public Instant instant() {
        return real.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }
}
