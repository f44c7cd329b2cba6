package com.brandclosure.platform;

import com.brandclosure.platform.time.AdjustableClock;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdjustableClockTest {

    @Test
    void moves_forward_by_the_amount_and_never_back() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        var clock = new AdjustableClock(Clock.fixed(start, ZoneOffset.UTC));
        clock.advance(Duration.ofDays(30));
        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofDays(30)));
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).hasMessageContaining("only moves forward");
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void an_offset_beyond_the_limit_is_refused_before_it_applies_and_the_clock_keeps_working() {
        Instant start = Instant.parse("2026-11-26T10:00:00Z");
        var clock = new AdjustableClock(Clock.fixed(start, ZoneOffset.UTC));
        clock.advance(Duration.ofDays(10));
        assertThatThrownBy(() -> clock.advance(Duration.ofDays(999_999_999_999L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 3650 days ahead");
        assertThatThrownBy(() -> clock.advance(AdjustableClock.MAX_OFFSET))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(10));
        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofDays(10)));
        clock.advance(AdjustableClock.MAX_OFFSET.minusDays(10));
        assertThat(clock.offset()).isEqualTo(AdjustableClock.MAX_OFFSET);
    }
}
