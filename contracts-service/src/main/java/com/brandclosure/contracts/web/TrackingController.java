package com.brandclosure.contracts.web;

import com.brandclosure.contracts.application.TrackingLinks;
import com.brandclosure.platform.eventstore.CommandContexts;
import com.brandclosure.platform.security.PublicEndpoint;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * Tracking-link clicks: 302 to the landing page while the link's contract is active (the click
 * is recorded), 410 "link expired" for an expired contract or a deactivated account (nothing
 * is recorded, so nothing is billable), 404 for an unknown link.
 */
@RestController
public class TrackingController {

    static final String LINK_EXPIRED = "link expired";

    private final TrackingLinks links;
    private final CommandContexts contexts;

    public TrackingController(TrackingLinks links, CommandContexts contexts) {
        this.links = links;
        this.contexts = contexts;
    }

    @GetMapping("/t/{linkId}")
    @PublicEndpoint("a tracking link is clicked by anonymous shoppers in a browser; it reveals only the landing URL")
    ResponseEntity<String> click(@PathVariable @Pattern(regexp = "[A-Za-z0-9]{1,64}", message = "must be 1-64 letters or digits")
                                 String linkId) {
        return links.click(linkId, contexts.forActor("click", null))
                .map(url -> ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, url).<String>build())
                .orElseGet(() -> ResponseEntity.status(HttpStatus.GONE).contentType(MediaType.TEXT_PLAIN)
                        .body(LINK_EXPIRED));
    }
}
