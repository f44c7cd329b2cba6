package com.brandclosure.events;


public record CatalogCreated(String accountId, String catalogId, String name) implements CatalogEvent {
}
