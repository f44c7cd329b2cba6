package com.brandclosure.closure.messaging;

import com.brandclosure.events.IntegrationEvent;

import java.util.List;

/**
 * The simulation's window on closure-orchestrator's summary subscription (package-private there): the
 * event types the saga's consumer takes. The mapping itself, {@link SummaryEvents#toCommand}, is public.
 */
public final class ClosureMappings {

    public static final List<Class<? extends IntegrationEvent>> SUMMARY_TYPES = SummaryEvents.TYPES;

    private ClosureMappings() {
    }
}
