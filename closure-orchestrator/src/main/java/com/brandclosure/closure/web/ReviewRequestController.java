package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ReviewRequest;
import com.brandclosure.closure.web.Responses.ClosureView;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.Role;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * After a rejected review, the brand admin (or support on the brand's behalf) asks for a new one:
 * fresh state reports are collected, and the review opens again once every precondition holds and
 * the lock date has passed. 409 unless the last review was rejected.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/closure")
public record ReviewRequestController(ReviewRequest reviewRequest, ClosureViews views) {

    @PostMapping("/review-request")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public ClosureView requestReview(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId) {
        return views.command((actor, ctx) -> reviewRequest.request(actor, AccountId.of(accountId), ctx));
    }
}
