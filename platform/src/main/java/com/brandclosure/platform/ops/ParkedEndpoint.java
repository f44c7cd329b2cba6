package com.brandclosure.platform.ops;

import com.brandclosure.platform.inbox.InboundBatches;
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
 * {@code {"action": "discard"}} drops the dead letter and applies the waiting records.
 */
@Endpoint(id = "parked")
public class ParkedEndpoint {

    private final InboundBatches inbound;

    public ParkedEndpoint(InboundBatches inbound) {
        this.inbound = inbound;
    }

    @ReadOperation
    public Map<String, Object> list() {
        Map<String, Object> view = new LinkedHashMap<>();
        var parked = inbound.parked();
        view.put("count", parked.size());
        view.put("accounts", parked);
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
