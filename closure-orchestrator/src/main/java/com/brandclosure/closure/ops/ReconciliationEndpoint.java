package com.brandclosure.closure.ops;

import com.brandclosure.closure.application.Reconciliation;
import com.brandclosure.closure.application.ReconciliationTimer;
import com.brandclosure.closure.persistence.ClosureProjection;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.CurrentActor;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/reconciliation}: {@code GET} shows the scheduled pass (on or off, its interval, when the
 * next one is due) and how many closures have had a drift; {@code POST} runs a pass now, for every closure in
 * flight or, with {@code {"accountId": "…"}}, for that account's closure, and answers which accounts' sources
 * were asked ({@code asked}, at most 100 listed, {@code askedCount} all). The answers arrive later, on the
 * sources' topics: drifts then show on the closure view, the console and {@code closure_drift_total}.
 */
@Component
@Endpoint(id = "reconciliation")
public class ReconciliationEndpoint {

    static final int ASKED_SHOWN = 100;

    private final Reconciliation reconciliation;
    private final ReconciliationTimer timer;
    private final ClosureProjection projection;
    private final CommandContexts contexts;

    public ReconciliationEndpoint(Reconciliation reconciliation, ReconciliationTimer timer,
                                  ClosureProjection projection, CommandContexts contexts) {
        this.reconciliation = reconciliation;
        this.timer = timer;
        this.projection = projection;
        this.contexts = contexts;
    }

    @ReadOperation
    public Map<String, Object> schedule() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("enabled", timer.enabled());
        view.put("interval", timer.interval().toString());
        view.put("nextPassAt", timer.nextPassAt().map(Object::toString).orElse(null));
        view.put("closuresWithDrift", projection.countWithDrift());
        return view;
    }

    @WriteOperation
    public Map<String, Object> run(@Nullable String accountId) {
        var ctx = contexts.forActor(CurrentActor.get().name(), null);
        Reconciliation.Pass pass = accountId == null ? reconciliation.everyClosure(ctx)
                : reconciliation.oneClosure(AccountId.of(accountId), ctx);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", pass.at().toString());
        view.put("askedCount", pass.asked().size());
        view.put("asked", pass.asked().stream().limit(ASKED_SHOWN).toList());
        return view;
    }
}
