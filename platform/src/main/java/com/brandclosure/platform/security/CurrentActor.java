package com.brandclosure.platform.security;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The {@link Actor} of the current request, from Spring Security's context. */
public final class CurrentActor {

    private CurrentActor() {
    }

    /** The current actor; fails if the request is not authenticated (the filter chain prevents that). */
    public static Actor get() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new IllegalStateException("no authenticated actor on this thread");
        }
        return from(auth);
    }

    public static Actor from(Authentication auth) {
        Set<Role> roles = rolesOf(auth.getAuthorities());
        Set<String> accounts = Set.of();
        if (auth instanceof JwtAuthenticationToken jwt) {
            List<String> claim = jwt.getToken().getClaimAsStringList("accounts");
            accounts = claim == null ? Set.of() : Set.copyOf(claim);
        } else if (auth.getPrincipal() instanceof DemoUsers.DemoPrincipal demo) {
            accounts = demo.accounts();
        }
        return new Actor(auth.getName(), roles, accounts);
    }

    static Set<Role> rolesOf(Collection<? extends GrantedAuthority> authorities) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (GrantedAuthority a : authorities) {
            String name = a.getAuthority();
            if (name != null && name.startsWith("ROLE_")) {
                try {
                    roles.add(Role.valueOf(name.substring(5)));
                } catch (IllegalArgumentException ignored) {
                    // a role of another system: not ours to interpret
                }
            }
        }
        return roles;
    }
}
