package com.brandclosure.platform.ops;

import com.brandclosure.platform.inbox.InboundBatches;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/deadletters}: count and the latest 100; {@code GET /actuator/deadletters/{id}}
 * one; {@code POST /actuator/deadletters/{id}} replays it to its original topic after a fix (a dead
 * letter that parks an account is applied directly with the records waiting behind it, see
 * {@link ParkedEndpoint}).
 */
@Endpoint(id = "deadletters")
public class DeadLettersEndpoint {

    private final DeadLetters deadLetters;
    private final InboundBatches inbound;

    public DeadLettersEndpoint(DeadLetters deadLetters, InboundBatches inbound) {
        this.deadLetters = deadLetters;
        this.inbound = inbound;
    }

    @ReadOperation
    public Map<String, Object> list() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("count", deadLetters.count());
        view.put("notReplayed", deadLetters.countNotReplayed());
        view.put("latest", deadLetters.latest(100));
        return view;
    }

    @ReadOperation
    public DeadLetters.Entry one(@Selector long id) {
        return deadLetters.find(id).orElse(null);
    }

    @WriteOperation
    public Map<String, Object> replay(@Selector long id) {
        var parked = inbound.parkedBy(id);
        if (parked.isPresent()) {
            if (parked.get().waitingRecords() > 0) {
                // Records wait behind it: re-sending it to the end of its topic would apply them first.
                return inbound.release(parked.get().consumer(), parked.get().accountId(), true);
            }
            // Nothing waits behind it: the account flows again and the record is re-sent as any other.
            inbound.unpark(parked.get().consumer(), parked.get().accountId());
        }
        return deadLetters.replay(id);
    }
}
