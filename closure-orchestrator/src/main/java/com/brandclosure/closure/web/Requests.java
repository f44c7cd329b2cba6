package com.brandclosure.closure.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the closure API. */
public final class Requests {

    private Requests() {
    }

    @Schema(example = "{\"reason\":\"moving our partnerships elsewhere\"}")
    public record Initiate(@NotBlank @Size(max = 2000) String reason) {
    }

    @Schema(example = "{\"reason\":\"changed our mind\"}")
    public record Cancel(@NotBlank @Size(max = 2000) String reason) {
    }

    /** {@code version}: the closure version whose evidence the reviewer saw. */
    @Schema(example = "{\"version\":7}")
    public record Approve(@NotNull @PositiveOrZero Long version) {
    }

    /** A parked account released by an operator: {@code replay} its dead letter first, or {@code discard} it. */
    public record Release(@NotNull @jakarta.validation.constraints.Pattern(regexp = "replay|discard",
            message = "must be \"replay\" or \"discard\"") String action) {
    }

    @Schema(example = "{\"reasons\":[\"open dispute\"]}")
    public record Reject(@NotEmpty List<@NotBlank @Size(max = 2000) String> reasons) {
    }
}
