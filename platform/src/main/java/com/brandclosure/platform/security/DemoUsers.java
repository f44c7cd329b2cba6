package com.brandclosure.platform.security;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The documented demo identities of the local stack (HTTP Basic), from
 * {@code platform.security.demo-users}. Only used when {@code platform.security.mode=demo}.
 */
public final class DemoUsers implements UserDetailsService {

    /** A demo user as configured: password (noop-encoded), roles, accounts. */
    public record DemoPrincipal(String username, String password, Set<Role> roles, Set<String> accounts)
            implements UserDetails {

        @Override
        public Collection<? extends GrantedAuthority> getAuthorities() {
            return roles.stream().map(r -> new SimpleGrantedAuthority("ROLE_" + r.name())).toList();
        }

        @Override
        public String getPassword() {
            return "{noop}" + password;
        }

        @Override
        public String getUsername() {
            return username;
        }
    }

    private final Map<String, DemoPrincipal> users;

    public static DemoUsers from(com.brandclosure.platform.config.PlatformProperties.Security settings) {
        return new DemoUsers(settings.effectiveDemoUsers().stream().map(u -> new DemoPrincipal(u.getUsername(),
                u.getPassword(), Set.copyOf(u.getRoles()), Set.copyOf(u.getAccounts()))).toList());
    }

    public DemoUsers(List<DemoPrincipal> users) {
        this.users = users.stream().collect(java.util.stream.Collectors.toMap(DemoPrincipal::username, u -> u));
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        DemoPrincipal user = users.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no demo user " + username);
        }
        // A fresh copy each time: Spring Security erases credentials of the instance it authenticates.
        return new DemoPrincipal(user.username(), user.password(), user.roles(), user.accounts());
    }
}
