package com.brandclosure.catalog.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Request bodies of catalog-service's API. */
public final class Requests {

    private Requests() {
    }

    @Schema(example = "{\"name\":\"Spring collection\"}")
    public record CreateCatalog(@NotBlank @Size(max = 200) String name) {
    }
}
