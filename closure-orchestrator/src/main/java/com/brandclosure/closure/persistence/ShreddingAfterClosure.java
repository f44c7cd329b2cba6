package com.brandclosure.closure.persistence;

import com.brandclosure.closure.domain.AccountClosureEvent;
import com.brandclosure.platform.command.Appended;
import com.brandclosure.platform.command.Projection;
import com.brandclosure.platform.shredding.Shredding;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * The orchestrator learns AccountClosed from its own stream (it publishes closure.events and does not
 * consume it): the saga's AccountClosed schedules the shredding in the same transaction. The Shredding
 * is looked up when used: it depends on the command runner, which holds this projection.
 */
@Component
public class ShreddingAfterClosure implements Projection {

    private final ObjectProvider<Shredding> shredding;

    public ShreddingAfterClosure(ObjectProvider<Shredding> shredding) {
        this.shredding = shredding;
    }

    @Override
    public void project(List<Appended> appended) {
        for (Appended a : appended) {
            if (a.event() instanceof AccountClosureEvent.AccountClosed closed) {
                shredding.getObject().afterClosure(a.accountId(), closed.at());
            }
        }
    }
}
