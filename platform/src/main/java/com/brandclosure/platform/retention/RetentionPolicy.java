package com.brandclosure.platform.retention;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * A service table the platform's retention job purges: rows whose {@code timestampColumn} is
 * older than {@code maxAge}. Declare one as a bean (e.g. a service's idempotency keys) and the job
 * picks it up. The names are SQL identifiers written into the statement, so they are checked.
 */
public record RetentionPolicy(String table, String timestampColumn, Duration maxAge) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public RetentionPolicy {
        if (table == null || !IDENTIFIER.matcher(table).matches()) {
            throw new IllegalArgumentException("table must be a lower-case SQL identifier: " + table);
        }
        if (timestampColumn == null || !IDENTIFIER.matcher(timestampColumn).matches()) {
            throw new IllegalArgumentException("timestampColumn must be a lower-case SQL identifier: " + timestampColumn);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive: " + maxAge);
        }
    }
}
