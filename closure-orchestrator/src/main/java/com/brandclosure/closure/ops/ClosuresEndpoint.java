package com.brandclosure.closure.ops;

import com.brandclosure.closure.persistence.ClosureProjection;
import com.brandclosure.platform.web.Paging;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code /actuator/closures}: how many closures are in each state, how many wait on each thing,
 * how many have had a drift (found by the reconciler, {@code ReconciliationEndpoint}), and the overdue ones (past their state's deadline, {@code Deadlines}), oldest first, at most 100.
 */
@Component
@Endpoint(id = "closures")
public class ClosuresEndpoint {

    static final int OVERDUE_SHOWN = 100;

    private final ClosureProjection projection;

    public ClosuresEndpoint(ClosureProjection projection) {
        this.projection = projection;
    }

    @ReadOperation
    public Map<String, Object> closures() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("byState", projection.countsByState());
        view.put("byWaitingOn", projection.countsByWaitingOn());
        view.put("overdueCount", projection.countOverdue());
        view.put("withDriftCount", projection.countWithDrift());
        List<Map<String, Object>> overdue = projection.list(null, null, true, new Paging.Request(OVERDUE_SHOWN, null)).stream()
                .limit(OVERDUE_SHOWN).map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("accountId", s.accountId());
            row.put("state", s.state());
            row.put("waitingOn", s.waitingOn());
            row.put("since", s.since().toString());
            row.put("until", s.until() == null ? null : s.until().toString());
            row.put("version", s.version());
            row.put("ticketId", s.ticketId());
            return row;
        }).toList();
        view.put("overdue", overdue);
        return view;
    }
}
