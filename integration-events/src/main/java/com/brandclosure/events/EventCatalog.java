package com.brandclosure.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The logical type name of every integration event: its simple name, which is part of the
 * public contract and never a Java class name. Renaming a record is a breaking change.
 */
public final class EventCatalog {

    private static final Map<String, Class<? extends IntegrationEvent>> BY_NAME = new LinkedHashMap<>();

    static {
        Stream.of(ContractsEvent.class, PayoutsEvent.class, FundingEvent.class, CatalogEvent.class, ClosureEvent.class)
                .flatMap(sealed -> Stream.of(sealed.getPermittedSubclasses()))
                .forEach(EventCatalog::add);
        add(ConversionTracked.class);
    }

    private EventCatalog() {
    }

    @SuppressWarnings("unchecked")
    private static void add(Class<?> type) {
        BY_NAME.put(type.getSimpleName(), (Class<? extends IntegrationEvent>) type);
    }

    /** Every logical name with its record type. */
    public static Map<String, Class<? extends IntegrationEvent>> all() {
        return Map.copyOf(BY_NAME);
    }

    public static String nameOf(Class<? extends IntegrationEvent> type) {
        return type.getSimpleName();
    }

    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }

    /**
     * Components added to an event after it was first published, with the value a record published before
     * then means: a consumer reads such a component, when absent, as that value. Publishers always send them.
     * {@link SummaryEvent#sourceVersion()}: 0, "not known"; {@link FundingInsufficient#blockers()}: none.
     */
    public static Map<String, Object> addedComponents(String name) {
        Class<? extends IntegrationEvent> type = BY_NAME.get(name);
        if (type == FundingInsufficient.class) {
            return Map.of("sourceVersion", 0L, "blockers", List.of());
        }
        return type != null && SummaryEvent.class.isAssignableFrom(type) ? Map.of("sourceVersion", 0L) : Map.of();
    }
}
