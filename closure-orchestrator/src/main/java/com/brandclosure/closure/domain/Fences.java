package com.brandclosure.closure.domain;

import java.util.List;

/**
 * The source services that must fence an account before it is deactivated, by the names they
 * confirm with ({@code AccountFenced.service}, their application names).
 */
public final class Fences {

    public static final List<String> SERVICES = List.of("contracts-service", "payouts-service", "funding-service",
            "catalog-service");

    private Fences() {
    }
}
