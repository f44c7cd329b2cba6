package com.brandclosure.platform.ops;

import com.brandclosure.platform.timers.ParkedTimers;
import com.brandclosure.platform.web.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/timers}: the timers being retried after a failure and those parked after their
 * last attempt, with their data, first due time, attempts and last error. The parked ones are paged
 * ({@code ?limit=}, {@code ?after=}, see {@link Paging}).
 * {@code POST /actuator/timers/{kind}/{id}} re-schedules a parked timer (due now, once its cause is
 * fixed); {@code DELETE /actuator/timers/{kind}/{id}} discards it. A timer id's {@code |} is sent as {@code %7C}.
 */
@Endpoint(id = "timers")
public class TimersEndpoint {

    private static final int LIMIT = 200;

    private final ParkedTimers timers;

    public TimersEndpoint(ParkedTimers timers) {
        this.timers = timers;
    }

    /** The parked timers paged ({@link Paging}); the failing ones, longest failing first, at most 200. */
    @ReadOperation
    public Map<String, Object> list(@Nullable String limit, @Nullable String after) {
        Paging.Request page = Paging.request(limit, after, 3);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("parkedCount", timers.count());
        view.put("parked", Paging.page(timers.parked(page), page, ParkedTimers::cursorOf));
        view.put("failing", timers.failing(LIMIT));
        return view;
    }

    @WriteOperation
    public Map<String, Object> reschedule(@Selector String kind, @Selector String id) {
        return timers.reschedule(kind, id);
    }

    @DeleteOperation
    public Map<String, Object> discard(@Selector String kind, @Selector String id) {
        return timers.discard(kind, id);
    }
}
