package com.brandclosure.testkit.brokenservice.application;

import com.brandclosure.testkit.brokenservice.web.Endpoint;

/** Breaks the layering on purpose: the application layer reaches into web. */
public final class UsesWeb {

    public String path() {
        return Endpoint.class.getSimpleName();
    }
}
