package com.brandclosure.platform.security;

import com.brandclosure.platform.kernel.DomainException;

import java.util.Set;

/**
 * The authenticated caller of a command: the name recorded as the actor of its events, its
 * roles, and (for brand admins) the accounts it may act on.
 */
public record Actor(String name, Set<Role> roles, Set<String> accountIds) {

    public Actor {
        roles = Set.copyOf(roles);
        accountIds = Set.copyOf(accountIds);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }

    /** Support, ops and internal callers see every account; a brand admin only its own. */
    public boolean mayAccess(String accountId) {
        return has(Role.SUPPORT) || has(Role.OPS) || has(Role.SERVICE) || accountIds.contains(accountId);
    }

    /**
     * Refuses access to another brand's account as if it did not exist (404), so account ids
     * cannot be probed. Call it where the command or query is handled, not only in a controller.
     */
    public void requireAccess(String accountId) {
        if (!mayAccess(accountId)) {
            throw new DomainException.NotFound("account " + accountId + " not found");
        }
    }
}
