package com.brandclosure.contracts.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.List;

/** Request bodies. Unknown fields are refused (400) by the platform's JSON setup. */
final class Requests {

    private Requests() {
    }

    static final String URL = "https?://\\S+";

    @Schema(example = "{\"timeZone\":\"UTC\"}")
    record AccountSettings(@NotBlank String timeZone) {
    }

    @Schema(example = "{\"partnerId\":\"blogger-anna\",\"landingUrl\":\"https://acme.example/spring\"}")
    record CreateContract(@NotBlank @Size(max = 100) String partnerId,
                          @NotBlank @Size(max = 2000) @Pattern(regexp = URL, message = "must be an http(s) URL")
                          String landingUrl) {
    }

    @Schema(example = "{\"terms\":\"12% commission instead of 10%\"}")
    record ProposeSwitch(@NotBlank @Size(max = 2000) String terms) {
    }

    record ScheduleSwitch(@NotBlank @Size(max = 2000) String terms, @NotNull LocalDate effectiveOn) {
    }

    /**
     * {@code partnerIds} absent: every partner. At most 1,000 partners per list: a brand that
     * wants more omits the list (the bulk path handles all contracts in one request).
     */
    @Schema(example = "{\"expireOn\":\"2026-03-10\",\"withdrawSwitches\":true,\"comment\":\"thank you for the partnership\",\"acknowledgeIrreversible\":true}")
    record ExpireContracts(@Size(min = 1, max = 1000, message = "must list 1 to 1000 partner ids; omit it for all partners")
                           List<@NotBlank @Size(max = 100) String> partnerIds,
                           @NotNull LocalDate expireOn,
                           Boolean withdrawSwitches,
                           @Size(max = 2000) String comment,
                           Boolean acknowledgeIrreversible) {
    }

    record CreateLink(@Size(max = 2000) @Pattern(regexp = URL, message = "must be an http(s) URL") String landingUrl) {
    }
}
