package com.brandclosure.platform.testapp;

import com.brandclosure.platform.security.Allow;
import com.brandclosure.platform.security.CurrentActor;
import com.brandclosure.platform.security.PublicEndpoint;
import com.brandclosure.platform.security.Role;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints of the platform's security test: one per kind of rule. */
@RestController
public class SecuredController {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(SecuredController.class);

    @GetMapping("/api/v1/accounts/{accountId}/things")
    @Allow({Role.BRAND_ADMIN, Role.SUPPORT})
    public String things(@PathVariable String accountId) {
        var actor = CurrentActor.get();
        actor.requireAccess(accountId);
        log.info("things of {} for {}", accountId, actor.name());
        return actor.name();
    }

    @GetMapping("/public/ping")
    @PublicEndpoint("liveness of the test app")
    public String ping() {
        return "pong";
    }

    @GetMapping("/api/v1/unruled")
    public String unruled() {
        return "nobody should see this";
    }
}
