/**
 * The two requests of the closure saga that every source service answers the same way
 * ({@link com.brandclosure.platform.closure.ClosureRequests}): the fence and the state report. A service
 * brings only what it fences or reports; the consumers, their names and the {@code AccountFenced}
 * confirmation are the platform's.
 */
package com.brandclosure.platform.closure;
