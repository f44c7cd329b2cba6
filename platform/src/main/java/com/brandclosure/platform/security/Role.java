package com.brandclosure.platform.security;

/** Who may do what. A request's roles come from its JWT ({@code roles} claim) or its demo identity. */
public enum Role {
    /** Acts only on the account ids it holds ({@code accounts} claim). */
    BRAND_ADMIN,
    /** Reviews closures and triggers final deactivation; reads every account. */
    SUPPORT,
    /** Reads actuator details, metrics, dead letters and the ops console. */
    OPS,
    /** Internal callers (other systems, tools). */
    SERVICE
}
