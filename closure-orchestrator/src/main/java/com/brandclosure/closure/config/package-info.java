/**
 * Spring wiring and settings of the orchestrator: {@code *Configuration} classes and the
 * {@code closure.*} properties. No behaviour lives here.
 */
package com.brandclosure.closure.config;
