package com.brandclosure.testkit.brokenservice.web;

/** A web-layer class the application layer must not use. */
public final class Endpoint {
    public static final String PATH = "/broken";

    private Endpoint() {
    }
}
