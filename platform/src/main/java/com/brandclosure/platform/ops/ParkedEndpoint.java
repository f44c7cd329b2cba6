package com.brandclosure.platform.ops;

import com.brandclosure.platform.inbox.InboundBatches;
import com.brandclosure.platform.web.Paging;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/parked}: the accounts parked on this service's consumers, with the dead letter
 * that parked each and how many records wait behind it. {@code POST /actuator/parked/{consumer}/{accountId}}
 * with {@code {"action": "replay"}} applies the dead letter again and then the waiting records in order;
 * {@code {"action": "discard"}} drops the dead letter and applies the waiting records. The list is paged
 * ({@link Paging}: {@code ?limit=} default 100, {@code ?after=} from the {@code Link: rel="next"} header);
 * {@code count} is the number of all parked accounts.
 */
@Endpoint(id = "parked")
public class ParkedEndpoint {

    private final InboundBatches inbound;

    public ParkedEndpoint(InboundBatches inbound) {
        this.inbound = inbound;
    }

    @ReadOperation
    public Map<String, Object> list(@Nullable String limit, @Nullable String after) {
        Paging.Request page = Paging.request(limit, after, 3);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("count", inbound.parkedAccountCount());
        view.put("accounts", Paging.page(inbound.parked(page), page, InboundBatches::cursorOf));
        return view;
    }

    @WriteOperation
    public Map<String, Object> release(@Selector String consumer, @Selector String accountId, String action) {
        if (!"replay".equals(action) && !"discard".equals(action)) {
            throw new IllegalArgumentException("action must be \"replay\" or \"discard\"");
        }
        return inbound.release(consumer, accountId, "replay".equals(action));
    }
}
