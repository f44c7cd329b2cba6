/**
 * Operator views of the closures: metrics and the {@code /actuator/closures} endpoint. Invariants:
 * <ul>
 *   <li>Read-only: reads the read model and counts what units of work decided, never writes.</li>
 *   <li>Metrics of a decision are recorded after its unit of work commits, so a unit run again counts once.</li>
 * </ul>
 */
package com.brandclosure.closure.ops;
