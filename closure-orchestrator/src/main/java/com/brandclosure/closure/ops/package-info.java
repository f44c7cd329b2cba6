/**
 * Operator views of the closures: metrics, the {@code /actuator/closures} endpoint and the reconciler's
 * {@code /actuator/reconciliation}. Invariants:
 * <ul>
 *   <li>Reads the read model and counts what units of work decided, never writes; the one action,
 *       {@code POST /actuator/reconciliation}, runs the application's reconciler pass.</li>
 *   <li>Metrics of a decision are recorded after its unit of work commits, so a unit run again counts once.</li>
 * </ul>
 */
package com.brandclosure.closure.ops;
