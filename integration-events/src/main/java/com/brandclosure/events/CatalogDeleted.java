package com.brandclosure.events;


public record CatalogDeleted(String accountId, String catalogId) implements CatalogEvent {
}
