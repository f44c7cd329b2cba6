/**
 * Wiring of funding-service: the stored event types and the snapshot state. Timer handlers,
 * listeners and the publication are components of their own layers.
 * <p>
 * Invariants: stored logical type names never change (renaming a Java type must not rename a
 * stored event); every {@code @Configuration} class is named {@code *Configuration}.
 */
package com.brandclosure.funding.config;
