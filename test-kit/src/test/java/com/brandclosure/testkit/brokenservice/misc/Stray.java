package com.brandclosure.testkit.brokenservice.misc;

/** A package outside the skeleton. */
public final class Stray {

    private Stray() {
    }
}
