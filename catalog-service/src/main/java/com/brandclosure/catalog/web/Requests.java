package com.brandclosure.catalog.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of catalog-service's API. */
public final class Requests {

    private Requests() {
    }

    public record CreateCatalog(@NotBlank @Size(max = 200) String name) {
    }
}
