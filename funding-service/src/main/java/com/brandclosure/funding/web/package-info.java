/**
 * The HTTP edge of funding-service: {@code /api/v1/accounts/{accountId}/funding}. Request and
 * response records live in {@link com.brandclosure.funding.web.Requests} and
 * {@link com.brandclosure.funding.web.Responses}.
 * <p>
 * Invariants: input shape (required fields, lengths, ids, path variables) is checked here by Bean
 * Validation before any use case runs (400 with {@code fieldErrors}); every endpoint declares its
 * roles with {@code @Allow}; the command's actor is the authenticated caller.
 */
package com.brandclosure.funding.web;
