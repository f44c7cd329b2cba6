/**
 * Wiring of payouts-service: the stored event types (and snapshot states) it registers with the
 * platform. Invariant: configuration only, no behaviour; handlers and use cases are components in
 * their own layers.
 */
package com.brandclosure.payouts.config;
