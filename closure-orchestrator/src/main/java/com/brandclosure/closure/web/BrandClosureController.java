package com.brandclosure.closure.web;

import com.brandclosure.closure.application.ClosureCancellation;
import com.brandclosure.closure.application.ClosureInitiation;
import com.brandclosure.closure.web.Responses.ClosureView;
import com.brandclosure.platform.kernel.AccountId;
import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The brand admin's side: initiate, cancel, look at the closure of their account. The actor is
 * the authenticated caller; the tenant check (a brand admin only on its own accounts, 404
 * otherwise) is made by the use cases, where the command is handled.
 */
@RestController
@RequestMapping("/api/v1/accounts/{accountId}/closure")
public record BrandClosureController(ClosureInitiation initiation, ClosureCancellation cancellation, ClosureViews views) {

    @PostMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public ClosureView initiate(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                                @Valid @RequestBody Requests.Initiate body) {
        return views.command((actor, ctx) -> initiation.initiate(actor, AccountId.of(accountId), body.reason(), ctx));
    }

    @PostMapping("/cancel")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public ClosureView cancel(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId,
                              @Valid @RequestBody Requests.Cancel body) {
        return views.command((actor, ctx) -> cancellation.cancel(actor, AccountId.of(accountId), body.reason(), ctx));
    }

    @GetMapping
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT, Role.OPS})
    public ClosureView get(@PathVariable @Pattern(regexp = AccountId.PATTERN) String accountId) {
        return views.current(accountId);
    }
}
