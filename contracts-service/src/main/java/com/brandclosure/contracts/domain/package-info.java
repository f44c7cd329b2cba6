/**
 * The partner-contract model, pure Java: commands, events and states are records inside sealed
 * interfaces, and each aggregate is a decider ({@code decide(command, state) -> events},
 * {@code evolve(state, event) -> state}) offered to the platform's command runner as a
 * {@code platform.kernel.Decider}: {@link PartnerContract#DECIDER}, {@link TrackingLink#DECIDER} and,
 * since its initial state names the account, {@link ContractAccount#decider(String)}.
 * <p>
 * Invariants:
 * <ul>
 *   <li>An expired contract never becomes active again; only a new contract can.</li>
 *   <li>A contract expires at 23:59:59 of the chosen day in the account's time zone
 *       ({@link ExpiryPolicy}); until that instant it is active with a scheduled expiry.</li>
 *   <li>Pending switches (proposals and scheduled switches) survive an expiry unless the
 *       expiry withdraws them: the account's "contracts expired" precondition needs both gone.</li>
 *   <li>Once the account is deactivated ({@link ContractAccount}) no contract, switch or link is
 *       accepted any more, and no deactivation is ever undone.</li>
 *   <li>Time and ids arrive inside the commands; nothing here reads a clock or makes an id.</li>
 * </ul>
 * Only {@code java.*} and {@code com.brandclosure.platform.kernel} may be imported (ArchitectureTest, via the test kit's ServiceArchitecture).
 */
package com.brandclosure.contracts.domain;
