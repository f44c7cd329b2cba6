/**
 * The HTTP API: {@link ContractsController} ({@code /api/v1/accounts/{accountId}/…}) and
 * {@link TrackingController} ({@code /t/{linkId}}), request and response records in {@link Requests}
 * and {@link Responses}.
 * <p>
 * Invariants: each endpoint declares who may call it ({@code @Allow} or {@code @PublicEndpoint});
 * path variables are validated here ({@code AccountId.PATTERN}) and bodies by Bean Validation, so a
 * malformed request answers 400 with field errors before any use case runs; each endpoint makes one
 * call to one use case and only shapes its answer (the use case checks the tenant and runs the unit
 * of work); response bodies are plain records, never domain types.
 */
package com.brandclosure.contracts.web;
