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
 * {@code /actuator/deadletters}: count and the latest, newest first, paged ({@link Paging}: {@code ?limit=}
 * default 100, {@code ?after=} from the {@code Link: rel="next"} header); {@code GET /actuator/deadletters/{id}}
 * one; {@code POST /actuator/deadletters/{id}} replays it after a fix: it is applied again by the
 * consumer that dead-lettered it (and, if it parked its account, the records waiting behind it, in
 * order; see {@link ParkedEndpoint}). A record that still fails is refused and stays listed.
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
    public Map<String, Object> list(@Nullable String limit, @Nullable String after) {
        Paging.Request page = Paging.request(limit, after, 1);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("count", deadLetters.count());
        view.put("notReplayed", deadLetters.countNotReplayed());
        view.put("latest", Paging.page(deadLetters.latest(page), page, DeadLetters::cursorOf));
        return view;
    }

    @ReadOperation
    public DeadLetters.Entry one(@Selector long id) {
        return deadLetters.find(id).orElse(null);
    }

    @WriteOperation
    public Map<String, Object> replay(@Selector long id) {
        return inbound.replay(id);
    }
}
