package com.brandclosure.platform.time;

import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET /local/clock} and {@code POST /local/clock/advance {"by":"P30D"}}: exists only when the
 * adjustable clock is enabled (local profile).
 */
@RestController
@RequestMapping("/local/clock")
@Allow({Role.OPS, Role.SERVICE})
public class ClockController {

    private final AdjustableClock clock;

    public ClockController(AdjustableClock clock) {
        this.clock = clock;
    }

    public record ClockView(Instant now, Duration offset) {
    }

    public record Advance(Duration by) {
    }

    @GetMapping
    public ClockView get() {
        return new ClockView(clock.instant(), clock.offset());
    }

    @PostMapping("/advance")
    public ClockView advance(@RequestBody Advance request) {
        if (request.by() == null) {
            throw new IllegalArgumentException("'by' is required, an ISO-8601 duration such as PT1H or P30D");
        }
        clock.advance(request.by());
        return get();
    }
}
