package com.brandclosure.platform.shredding;

import java.time.Instant;
import java.util.List;

/**
 * Evidence that a service shredded an account's personal data: who did it (the timer, or an operator),
 * when, the closure it followed, the retention applied, and the kinds of data shredded. Stored in the
 * stream {@code shredding-<accountId>} of every service, so it is in the account's audit trail. Nothing
 * in it is personal: it stays readable after the key is gone.
 */
public record AccountDataShredded(String accountId, String service, String shreddedBy, Instant shreddedAt,
                                  Instant closedAt, String retention, List<String> kinds) {
    public AccountDataShredded {
        kinds = List.copyOf(kinds);
    }
}
