/**
 * catalog-service's REST API: controllers, request and response records, validation. Bodies and path
 * variables are validated here (400 with field errors); the platform's handler answers refusals as
 * problem details. Controllers call exactly one use case per request.
 */
package com.brandclosure.catalog.web;
