/**
 * Wiring that no component scan gives: the stored event and snapshot types of this service.
 * Invariants: {@code @Configuration} classes are named {@code *Configuration}; timer handlers,
 * projections and the publication are components in their own layers, not beans declared here.
 */
package com.brandclosure.contracts.config;
