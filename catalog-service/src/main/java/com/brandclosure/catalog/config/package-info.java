/** Wiring of catalog-service: its stored event types. Everything else comes from the platform. */
package com.brandclosure.catalog.config;
