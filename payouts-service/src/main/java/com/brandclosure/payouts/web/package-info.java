/**
 * The REST API of payouts-service under {@code /api/v1/accounts/{accountId}}: controllers, the request
 * bodies ({@link com.brandclosure.payouts.web.Requests}) and the response bodies
 * ({@link com.brandclosure.payouts.web.Responses}).
 * <p>
 * Invariants: every endpoint declares its roles ({@code @Allow}); path variables are validated here
 * ({@code AccountId.PATTERN}, the action id pattern) and bodies by Bean Validation, both answered 400
 * by the platform's exception handler; the tenant check and every decision are the application
 * layer's, so a controller only translates HTTP to a use case call and back.
 */
package com.brandclosure.payouts.web;
