package com.brandclosure.testkit.brokenservice.domain;

/** Breaks the domain rules on purpose: reads the clock, makes an id and uses JDBC. */
public final class Clocked {

    public static String stamp() throws java.sql.SQLException {
        java.sql.Timestamp t = java.sql.Timestamp.from(java.time.Instant.now());
        return t + "/" + java.util.UUID.randomUUID();
    }

    private Clocked() {
    }
}
