package com.brandclosure.events;

import com.brandclosure.platform.kernel.Personal;

public record CatalogCreated(String accountId, String catalogId, @Personal String name) implements CatalogEvent {
}
