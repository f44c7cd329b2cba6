/**
 * The HTTP API and the ops console. Invariants:
 * <ul>
 *   <li>Controllers only translate: authenticated actor, {@code CommandContext}, request body → one use case call
 *       → response; no decision and no transaction here.</li>
 *   <li>Request and response bodies are nested records of {@link com.brandclosure.closure.web.Requests} and
 *       {@link com.brandclosure.closure.web.Responses}; account path variables match {@code AccountId.PATTERN}.</li>
 *   <li>Every endpoint declares its roles ({@code @Allow}) or is a declared {@code @PublicEndpoint}.</li>
 * </ul>
 */
package com.brandclosure.closure.web;
